package pullquote.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import pullquote.search.ReviewSearchService;

/**
 * The same query mix through two backends of the same reviews (the local index and a SolrCloud
 * collection), in turn query by query so both see the same machine, then over HTTP against a server
 * on each.
 */
public final class BackendComparison {

  /** One class, plain or with the page's facets and highlights, on both backends. */
  public record ClassFigures(
      String queryClass,
      boolean page,
      LatencySummary local,
      LatencySummary solr,
      double solrOverLocalP99) {}

  /** What one run measured; HTTP figures cover every class with facets and highlights. */
  public record Result(
      List<ClassFigures> classes,
      LatencySummary localHttp,
      LatencySummary solrHttp,
      long httpFailures) {}

  private final ReviewSearchService local;
  private final ReviewSearchService solr;

  public BackendComparison(ReviewSearchService local, ReviewSearchService solr) {
    this.local = local;
    this.solr = solr;
  }

  /**
   * @param mix drawn from the local index, whose reviews the collection holds too
   * @param localServer a server on the local index
   * @param solrServer a server on the collection
   */
  public Result run(
      List<BenchQuery> mix, QueryBenchmark.Options options, URI localServer, URI solrServer)
      throws InterruptedException {
    Map<String, Latencies> onLocal = new LinkedHashMap<>();
    Map<String, Latencies> onSolr = new LinkedHashMap<>();
    // two unmeasured rounds warm both backends (and the cluster's caches) first
    for (int round = -2; round < options.rounds(); round++) {
      List<BenchQuery> order = new ArrayList<>(mix);
      Collections.shuffle(order, new Random(options.seed() + round));
      for (BenchQuery q : order) {
        for (boolean page : new boolean[] {false, true}) {
          long start = System.nanoTime();
          local.search(q.request(page));
          long mid = System.nanoTime();
          solr.search(q.request(page));
          long end = System.nanoTime();
          if (round >= 0) {
            String label = QueryBenchmark.label(q.kind(), page);
            onLocal.computeIfAbsent(label, k -> new Latencies()).add(mid - start);
            onSolr.computeIfAbsent(label, k -> new Latencies()).add(end - mid);
          }
        }
      }
    }
    List<BenchQuery> interleaved = QueryMix.interleaved(mix, options.perClass());
    HttpLoad.Outcome localHttp = http(options, interleaved, localServer);
    HttpLoad.Outcome solrHttp = http(options, interleaved, solrServer);
    return new Result(
        figures(onLocal, onSolr),
        localHttp.overall(),
        solrHttp.overall(),
        localHttp.failures() + solrHttp.failures());
  }

  private static HttpLoad.Outcome http(
      QueryBenchmark.Options options, List<BenchQuery> interleaved, URI server)
      throws InterruptedException {
    return new HttpLoad()
        .run(
            options.clients(),
            options.warmupSeconds(),
            options.httpSeconds(),
            i -> {
              BenchQuery q = interleaved.get(Math.floorMod(i, interleaved.size()));
              return new HttpLoad.Target(
                  QueryBenchmark.label(q.kind(), true),
                  server.resolve("/api/search?" + q.queryString(true)));
            });
  }

  private static List<ClassFigures> figures(
      Map<String, Latencies> onLocal, Map<String, Latencies> onSolr) {
    List<ClassFigures> figures = new ArrayList<>();
    for (QueryClass kind : QueryClass.values()) {
      for (boolean page : new boolean[] {false, true}) {
        String label = QueryBenchmark.label(kind, page);
        LatencySummary a = onLocal.get(label).summary(0);
        LatencySummary b = onSolr.get(label).summary(0);
        figures.add(
            new ClassFigures(
                kind.key(),
                page,
                a,
                b,
                a.p99Ms() > 0 ? Math.round(100 * b.p99Ms() / a.p99Ms()) / 100.0 : 0));
      }
    }
    return figures;
  }
}
