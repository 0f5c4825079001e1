package pullquote.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import pullquote.bench.ClassicParserBaseline;
import pullquote.bench.MisrememberedQuotes;
import pullquote.bench.RelevanceBenchmark;
import pullquote.bench.RelevanceQuery;
import pullquote.bench.RelevanceReport;
import pullquote.bench.RelevanceTable;
import pullquote.bench.ServiceEngine;
import pullquote.index.IndexLayout;
import pullquote.index.IndexSnapshot;
import pullquote.ingest.Json;
import pullquote.search.ReviewSearchService;

/** {@code pullquote bench relevance}: how well misremembered quotes find their review. */
@Command(
    name = "relevance",
    mixinStandardHelpOptions = true,
    description =
        "Draw quotes of 3-6 words that point at one review each, type them as a reader who"
            + " misremembers them (swap, inflection, typo, substitute, surname, spelling,"
            + " synonym; and two controls: exact, and the exact phrase in quotes), and count how"
            + " often our search and a plain-Lucene baseline (classic parser, OR, BM25) rank the"
            + " review first, in the top 3, or find nothing. The same corpus and seed draw the"
            + " same queries, from any build of its index. With --solr, the queries are drawn"
            + " from the local index and asked of the SolrCloud collection, which must hold the"
            + " same reviews.")
final class BenchRelevanceCommand implements Callable<Integer> {

  @Mixin IndexOption index = new IndexOption();

  @Mixin ForgivenessOptions forgiving = new ForgivenessOptions();

  @Mixin SolrOption solr = new SolrOption();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--per-kind",
      paramLabel = "N",
      description = "Queries of every kind, controls too (default: ${DEFAULT-VALUE}).")
  int perKind = 143;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the drawing (default: ${DEFAULT-VALUE}).")
  long seed = 20261124L;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the figures and every query's outcome as JSON.")
  Path jsonOut;

  @Option(
      names = "--misses",
      paramLabel = "N",
      description =
          "Print up to N queries of each kind that our search did not rank first (default: 0).")
  int misses;

  @Override
  public Integer call() throws Exception {
    if (perKind < 1 || misses < 0) {
      System.err.println(
          "pullquote bench relevance: --per-kind must be positive and --misses not negative");
      return 2;
    }
    var layout = new IndexLayout(index.dir());
    if (layout.current().isEmpty()) {
      System.err.println("pullquote bench relevance: " + index.noIndexYet());
      return 1;
    }
    var json = Json.newMapper();
    var forgiveness = forgiving.forgiveness(spec.commandLine());
    var solrConnection = solr.connection(spec.commandLine());
    try (var backend = Backends.local(index.dir(), forgiveness, json, false);
        var searched = solrConnection == null ? null : Backends.solr(solrConnection, forgiveness)) {
      backend.open();
      if (searched != null) {
        searched.open();
      }
      var service = searched == null ? backend.service() : searched.service();
      var live = backend.live();
      var measured = live.withSnapshot(snapshot -> measure(snapshot, service));
      var table = new RelevanceTable(System.out);
      table.print(measured.report());
      if (misses > 0) {
        table.printMisses(measured.scored(), misses);
      }
      if (jsonOut != null) {
        json.writerWithDefaultPrettyPrinter().writeValue(jsonOut.toFile(), measured.report());
        System.out.println("wrote " + jsonOut);
      }
    } catch (IllegalArgumentException | pullquote.search.SearchUnavailableException e) {
      System.err.println("pullquote bench relevance: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private record Measured(RelevanceReport report, List<RelevanceBenchmark.Scored> scored) {}

  private Measured measure(IndexSnapshot snapshot, ReviewSearchService service) {
    try {
      long start = System.nanoTime();
      List<RelevanceQuery> queries =
          MisrememberedQuotes.of(snapshot.searcher()).draw(perKind, seed);
      long drawn = System.nanoTime();
      var bench =
          new RelevanceBenchmark(
              new ServiceEngine(service), new ClassicParserBaseline(snapshot.searcher()));
      List<RelevanceBenchmark.Scored> scored = bench.run(queries);
      long end = System.nanoTime();
      var run =
          new RelevanceReport.Run(
              snapshot.reviewCount(),
              seed,
              perKind,
              command(),
              (drawn - start) / 1e9,
              (end - drawn) / 1e9);
      return new Measured(RelevanceReport.of(run, scored), scored);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String command() {
    String command =
        String.format(
            "./pullquote bench relevance --index %s --per-kind %d --seed %d",
            index.dir(), perKind, seed);
    return solr.urls == null
        ? command
        : command + " --solr " + solr.urls + " --collection " + solr.collection;
  }
}
