package pullquote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import pullquote.bench.BackendComparison;
import pullquote.bench.BenchQuery;
import pullquote.bench.LatencySummary;
import pullquote.bench.QueryBenchmark;
import pullquote.bench.QueryMix;
import pullquote.index.LiveIndex;
import pullquote.index.solr.SolrConnection;
import pullquote.search.Forgiveness;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchBackend;
import pullquote.server.ApiServer;

/** {@code bench query --solr URL --collection NAME}: the Solr backend beside the local index. */
final class SolrComparison {

  private SolrComparison() {}

  static BackendComparison.Result run(
      SolrConnection collection,
      ReviewSearchService local,
      LiveIndex live,
      QueryBenchmark.Options options,
      URI localServer,
      ObjectMapper json) {
    List<BenchQuery> mix =
        live.withSnapshot(
            snapshot -> {
              try {
                return QueryMix.draw(
                    snapshot.searcher().getIndexReader(), options.perClass(), options.seed());
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try (SearchBackend solr = Backends.solr(collection, Forgiveness.DEFAULT);
        ApiServer server = new ApiServer(solr.service(), json, null)) {
      solr.open();
      server.start("127.0.0.1", 0);
      URI solrServer = URI.create("http://127.0.0.1:" + server.port() + "/");
      return new BackendComparison(local, solr.service())
          .run(mix, options, localServer, solrServer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static void print(BackendComparison.Result result) {
    System.out.println();
    System.out.println("The same mix on the SolrCloud collection, in turn with the local index:");
    System.out.printf(
        "%-16s | %-22s | %-22s | %6s%n", "class", "local p50/95/99", "Solr p50/95/99", "p99 x");
    for (BackendComparison.ClassFigures c : result.classes()) {
      System.out.printf(
          "%-16s | %-22s | %-22s | %6.2f%n",
          c.queryClass() + (c.page() ? "+page" : ""),
          percentiles(c.local()),
          percentiles(c.solr()),
          c.solrOverLocalP99());
    }
    System.out.printf(
        "HTTP search, all classes with facets and highlights: local %s ms, %.0f req/s;"
            + " Solr %s ms, %.0f req/s%n",
        percentiles(result.localHttp()),
        result.localHttp().perSecond(),
        percentiles(result.solrHttp()),
        result.solrHttp().perSecond());
    if (result.httpFailures() > 0) {
      System.out.println("HTTP requests that failed: " + result.httpFailures());
    }
  }

  /** {@code run.json} → {@code run-solr.json}. */
  static Path jsonBeside(Path json) {
    String name = json.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return json.resolveSibling(stem + "-solr.json");
  }

  private static String percentiles(LatencySummary s) {
    return String.format("%.2f/%.2f/%.2f", s.p50Ms(), s.p95Ms(), s.p99Ms());
  }
}
