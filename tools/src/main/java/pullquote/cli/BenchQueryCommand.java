package pullquote.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import pullquote.bench.BackendComparison;
import pullquote.bench.LatencySummary;
import pullquote.bench.QueryBenchmark;
import pullquote.index.IndexLayout;
import pullquote.index.solr.SolrConnection;
import pullquote.ingest.Json;
import pullquote.search.Forgiveness;
import pullquote.server.ApiServer;

/** {@code pullquote bench query}: the query mix in-process, on raw Lucene, and over HTTP. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Run a query mix drawn from the index (words, AND, OR, phrases, critic and",
      "sentiment filters, a misspelt word (typo: against Lucene's fuzzy query) and",
      "three words no review has together (relaxed: against requiring two of them);",
      "each plain and with the page's facets and highlights) through our search layer",
      "and through raw Lucene in-process, then over HTTP with concurrent clients",
      "against a server on a free port, and the same load on a constant route (the",
      "HTTP floor)."
    })
final class BenchQueryCommand implements Callable<Integer> {

  @Mixin IndexOption index = new IndexOption();

  /** With a collection of the same reviews: both backends measured on the same mix. */
  @Mixin SolrOption solr = new SolrOption();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--per-class",
      paramLabel = "N",
      description = "Queries per class (default: ${DEFAULT-VALUE}).")
  int perClass = 50;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      description = "Measured passes over the mix in-process (default: ${DEFAULT-VALUE}).")
  int rounds = 10;

  @Option(
      names = "--clients",
      paramLabel = "N",
      description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE}).")
  int clients = 8;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      description = "Measured seconds of each HTTP load (default: ${DEFAULT-VALUE}).")
  double seconds = 20;

  @Option(
      names = "--warmup",
      paramLabel = "S",
      description = "Unmeasured seconds before each HTTP load (default: ${DEFAULT-VALUE}).")
  double warmup = 5;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the query mix (default: ${DEFAULT-VALUE}).")
  long seed = 20261122L;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path jsonOut;

  @Override
  public Integer call() throws Exception {
    if (perClass < 1 || rounds < 1 || clients < 1 || seconds <= 0 || warmup < 0) {
      System.err.println(
          "pullquote bench query: --per-class, --rounds, --clients and --seconds must be positive");
      return 2;
    }
    var layout = new IndexLayout(index.dir());
    if (layout.current().isEmpty()) {
      System.err.println("pullquote bench query: no index in " + index.dir());
      return 1;
    }
    var json = Json.newMapper();
    var options = new QueryBenchmark.Options(perClass, rounds, clients, warmup, seconds, seed);
    try (var backend = Backends.local(index.dir(), Forgiveness.DEFAULT, json, true)) {
      backend.open();
      var service = backend.service();
      var live = backend.live();
      try (var server = new ApiServer(service, json, null)) {
        server.start("127.0.0.1", 0);
        URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
        QueryBenchmark.Result result =
            live.withSnapshot(
                snapshot -> measure(new QueryBenchmark(service, snapshot), options, base));
        print(result);
        if (jsonOut != null) {
          json.writerWithDefaultPrettyPrinter().writeValue(jsonOut.toFile(), result);
          System.out.println("wrote " + jsonOut);
        }
        SolrConnection collection = solr.connection(spec.commandLine());
        if (collection != null) {
          BackendComparison.Result compared =
              SolrComparison.run(collection, service, live, options, base, json);
          SolrComparison.print(compared);
          if (jsonOut != null) {
            Path beside = SolrComparison.jsonBeside(jsonOut);
            json.writerWithDefaultPrettyPrinter().writeValue(beside.toFile(), compared);
            System.out.println("wrote " + beside);
          }
        }
      }
    }
    return 0;
  }

  private static QueryBenchmark.Result measure(
      QueryBenchmark bench, QueryBenchmark.Options options, URI base) {
    try {
      return bench.run(options, base);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void print(QueryBenchmark.Result result) {
    System.out.printf(
        "%,d reviews, %d MB index, %s%n",
        result.reviews(), result.indexBytes() >> 20, result.machine());
    System.out.printf(
        "%-16s | %-22s | %-22s | %6s | %-30s%n",
        "class", "in-process p50/95/99", "raw Lucene p50/95/99", "p99 x", "HTTP p50/95/99, req/s");
    for (QueryBenchmark.ClassFigures c : result.classes()) {
      System.out.printf(
          "%-16s | %-22s | %-22s | %6.2f | %-30s%n",
          c.queryClass() + (c.page() ? "+page" : ""),
          percentiles(c.inProcess()),
          percentiles(c.rawLucene()),
          c.inProcessOverRawP99(),
          c.http() == null
              ? ""
              : percentiles(c.http()) + String.format(", %.0f", c.http().perSecond()));
    }
    System.out.printf(
        "HTTP search, all classes with facets and highlights: %s ms, %.0f req/s%n",
        percentiles(result.httpSearch()), result.httpSearch().perSecond());
    System.out.printf(
        "HTTP floor (constant route /health/live):            %s ms, %.0f req/s%n",
        percentiles(result.httpFloor()), result.httpFloor().perSecond());
    if (result.httpFailures() > 0) {
      System.out.println("HTTP requests that failed: " + result.httpFailures());
    }
  }

  private static String percentiles(LatencySummary s) {
    return String.format("%.2f/%.2f/%.2f", s.p50Ms(), s.p95Ms(), s.p99Ms());
  }
}
