package pullquote.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import pullquote.index.IndexSnapshot;
import pullquote.index.ReviewAnalyzers;
import pullquote.search.ReviewSearchService;

/**
 * Runs the query mix (a) through our search layer in-process, (b) through raw Lucene doing the same
 * work, (c) over HTTP with concurrent clients, and (d) against the HTTP floor, a constant route
 * under the same load.
 */
public final class QueryBenchmark {

  /**
   * @param perClass queries drawn per class
   * @param rounds how many times each in-process runner goes through the mix
   * @param clients concurrent HTTP clients
   */
  public record Options(
      int perClass, int rounds, int clients, double warmupSeconds, double httpSeconds, long seed) {}

  /** One query class, plain or with the page's facets and highlights. */
  public record ClassFigures(
      String queryClass,
      boolean page,
      LatencySummary inProcess,
      LatencySummary rawLucene,
      double inProcessOverRawP99,
      LatencySummary http) {}

  /** Everything one run measured. */
  public record Result(
      Map<String, String> machine,
      int reviews,
      long indexBytes,
      Options options,
      List<ClassFigures> classes,
      LatencySummary httpSearch,
      LatencySummary httpFloor,
      long httpFailures) {}

  private final ReviewSearchService service;
  private final IndexSnapshot snapshot;

  /**
   * @param snapshot the index the service searches, which raw Lucene searches directly
   */
  public QueryBenchmark(ReviewSearchService service, IndexSnapshot snapshot) {
    this.service = service;
    this.snapshot = snapshot;
  }

  /**
   * @param server the base URI of a server searching the same index
   */
  public Result run(Options options, URI server) throws IOException, InterruptedException {
    List<BenchQuery> mix =
        QueryMix.draw(snapshot.searcher().getIndexReader(), options.perClass(), options.seed());
    RawLuceneSearch raw =
        new RawLuceneSearch(snapshot.searcher(), snapshot::facetState, ReviewAnalyzers.create());
    Map<String, Latencies> ours = new LinkedHashMap<>();
    Map<String, Latencies> rawLucene = new LinkedHashMap<>();
    // two unmeasured rounds warm both runners on the whole mix before either is measured
    for (int round = -2; round < options.rounds(); round++) {
      List<Step> order = new ArrayList<>();
      for (BenchQuery q : mix) {
        order.add(new Step(q, false));
        order.add(new Step(q, true));
      }
      Collections.shuffle(order, new Random(options.seed() + round));
      for (Step step : order) {
        long start = System.nanoTime();
        service.search(step.query().request(step.page()));
        long mid = System.nanoTime();
        raw.run(step.query(), step.page());
        long end = System.nanoTime();
        if (round >= 0) {
          String label = label(step.query().kind(), step.page());
          ours.computeIfAbsent(label, k -> new Latencies()).add(mid - start);
          rawLucene.computeIfAbsent(label, k -> new Latencies()).add(end - mid);
        }
      }
    }
    // Classes interleaved, so every class is sampled even when a slow run sends few requests.
    List<BenchQuery> interleaved = QueryMix.interleaved(mix, options.perClass());
    HttpLoad load = new HttpLoad();
    HttpLoad.Outcome search =
        load.run(
            options.clients(),
            options.warmupSeconds(),
            options.httpSeconds(),
            i -> {
              BenchQuery q = interleaved.get(Math.floorMod(i, interleaved.size()));
              return new HttpLoad.Target(
                  label(q.kind(), true), server.resolve("/api/search?" + q.queryString(true)));
            });
    URI live = server.resolve("/health/live");
    HttpLoad.Outcome constant =
        load.run(
            options.clients(),
            options.warmupSeconds(),
            options.httpSeconds(),
            i -> new HttpLoad.Target("floor", live));
    return new Result(
        Machine.describe(),
        snapshot.reviewCount(),
        snapshot.sizeBytes(),
        options,
        figures(ours, rawLucene, search),
        search.overall(),
        constant.overall(),
        search.failures() + constant.failures());
  }

  private static List<ClassFigures> figures(
      Map<String, Latencies> ours, Map<String, Latencies> raw, HttpLoad.Outcome http) {
    List<ClassFigures> figures = new ArrayList<>();
    for (QueryClass kind : QueryClass.values()) {
      for (boolean page : new boolean[] {false, true}) {
        String label = label(kind, page);
        LatencySummary a = ours.get(label).summary(0);
        LatencySummary b = raw.get(label).summary(0);
        Latencies overHttp = http.byLabel().get(label);
        figures.add(
            new ClassFigures(
                kind.key(),
                page,
                a,
                b,
                b.p99Ms() > 0 ? Math.round(100 * a.p99Ms() / b.p99Ms()) / 100.0 : 0,
                overHttp == null ? null : overHttp.summary(http.seconds())));
      }
    }
    return figures;
  }

  private record Step(BenchQuery query, boolean page) {}

  static String label(QueryClass kind, boolean page) {
    return kind.key() + (page ? "+page" : "");
  }
}
