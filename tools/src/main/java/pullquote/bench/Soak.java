package pullquote.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import pullquote.search.ReviewSearchService;

/**
 * A soak: mixed searches from many concurrent clients for a fixed time while the index is rebuilt
 * and swapped in the middle. Reports every status answered, latencies, and heap and resident memory
 * before and after, so failures across a swap and memory that creeps show up, and what the server's
 * own {@code /metrics} counted meanwhile.
 */
public final class Soak {

  /**
   * @param clients concurrent closed-loop HTTP clients
   * @param warmupSeconds load before the "before" memory reading, unmeasured
   * @param seconds the measured run
   * @param rebuildAtSecond when in the measured run the rebuild starts; early enough that the
   *     swapped index serves under load for a while too
   */
  public record Options(
      int clients,
      double warmupSeconds,
      double seconds,
      double rebuildAtSecond,
      int perClass,
      long seed) {
    public Options {
      if (clients < 1 || warmupSeconds < 0 || seconds <= 0 || perClass < 1) {
        throw new IllegalArgumentException(
            "clients, seconds and per-class must be positive; warm-up must not be negative");
      }
      if (rebuildAtSecond < 0 || rebuildAtSecond >= seconds) {
        throw new IllegalArgumentException("the rebuild must start within the measured run");
      }
    }
  }

  /**
   * Memory of the server's process: heap in use after a full collection, and the resident set,
   * split into anonymous memory (heap, stacks, native allocations: where a leak shows) and pages of
   * mapped files (the index, which grows as more of it is read and moves with a swap).
   */
  public record Memory(
      long heapAfterGcBytes, long rssBytes, long rssAnonBytes, long rssFileBytes) {}

  /** How a rebuild ended: whether it built an index, and in words. */
  public record Attempt(boolean built, String outcome) {}

  /** What the rebuild did and when the server started answering from it. */
  public record Rebuild(
      boolean built,
      String outcome,
      double startedAtSecond,
      double seconds,
      String servedBefore,
      String servedAfter) {}

  /** Everything one soak measured. */
  public record Result(
      Map<String, String> machine,
      long reviews,
      Options options,
      long requests,
      Map<Integer, Long> statuses,
      long failed,
      LatencySummary latency,
      Rebuild rebuild,
      Memory before,
      Memory after,
      double rssGrowth,
      double rssAnonGrowth,
      MetricsScrape serverCounted) {}

  private final ReviewSearchService service;
  private final List<BenchQuery> mix;
  private final URI server;

  /**
   * @param mix the queries, drawn by {@link QueryMix#draw} from the index served at the start
   * @param server base URI of the server under test, searching through {@code service}
   */
  public Soak(ReviewSearchService service, List<BenchQuery> mix, URI server) {
    this.service = service;
    this.mix = List.copyOf(mix);
    this.server = server;
  }

  /**
   * @param rebuild rebuilds the served index (in another process, as an operator would) and says
   *     how it went
   */
  public Result run(Options options, Callable<Attempt> rebuild)
      throws IOException, InterruptedException {
    List<HttpLoad.Target> targets = targets(options);
    HttpLoad load = new HttpLoad();
    load.run(options.clients(), 0, options.warmupSeconds(), i -> pick(targets, i));
    Memory before = memory();
    MetricsScrape scrapedBefore = MetricsScrape.of(server);
    String servedBefore = service.stats().generation();
    long start = System.nanoTime();
    Rebuild[] done = new Rebuild[1];
    Thread rebuilder =
        Thread.ofPlatform()
            .name("soak-rebuild")
            .start(
                () -> done[0] = rebuild(rebuild, options.rebuildAtSecond(), start, servedBefore));
    HttpLoad.Outcome outcome =
        load.run(options.clients(), 0, options.seconds(), i -> pick(targets, i));
    rebuilder.join();
    Memory after = memory();
    MetricsScrape counted = MetricsScrape.of(server).since(scrapedBefore);
    return new Result(
        Machine.describe(),
        service.stats().reviews(),
        options,
        outcome.requests(),
        outcome.statuses(),
        outcome.failures(),
        outcome.overall(),
        done[0],
        before,
        after,
        growth(before.rssBytes(), after.rssBytes()),
        growth(before.rssAnonBytes(), after.rssAnonBytes()),
        counted);
  }

  private static double growth(long before, long after) {
    return before > 0 ? (double) after / before - 1 : Double.NaN;
  }

  private Rebuild rebuild(
      Callable<Attempt> rebuild, double delay, long start, String servedBefore) {
    Attempt attempt;
    double began;
    long t0;
    try {
      Thread.sleep((long) (delay * 1000));
      began = (System.nanoTime() - start) / 1e9;
      t0 = System.nanoTime();
      attempt = rebuild.call();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Rebuild(false, "interrupted", 0, 0, servedBefore, servedBefore);
    } catch (Exception e) {
      return new Rebuild(false, "failed: " + e.getMessage(), 0, 0, servedBefore, servedBefore);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    // The server looks for a new generation every second and warms it before serving it, which
    // at 1M reviews under load takes seconds; a minute is plenty.
    String servedAfter = servedBefore;
    for (int i = 0; i < 1200 && servedAfter.equals(servedBefore); i++) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      servedAfter = service.stats().generation();
    }
    return new Rebuild(
        attempt.built(), attempt.outcome(), began, seconds, servedBefore, servedAfter);
  }

  /** The page's searches (facets and highlights) and plain ones, every class interleaved. */
  private List<HttpLoad.Target> targets(Options options) {
    List<BenchQuery> interleaved = QueryMix.interleaved(mix, options.perClass());
    List<HttpLoad.Target> targets = new ArrayList<>();
    for (int i = 0; i < interleaved.size(); i++) {
      BenchQuery q = interleaved.get(i);
      // Half as the page asks (facets and highlights), flipping each round so every class gets
      // both.
      boolean page = (i % QueryClass.values().length + i / QueryClass.values().length) % 2 == 0;
      targets.add(
          new HttpLoad.Target(
              QueryBenchmark.label(q.kind(), page),
              server.resolve("/api/search?" + q.queryString(page))));
    }
    return targets;
  }

  private static HttpLoad.Target pick(List<HttpLoad.Target> targets, int i) {
    return targets.get(Math.floorMod(i, targets.size()));
  }

  static Memory memory() {
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new Memory(heap, resident("VmRSS:"), resident("RssAnon:"), resident("RssFile:"));
  }

  /** A resident-set figure of this process from /proc (Linux); -1 elsewhere. */
  private static long resident(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
