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
import org.apache.lucene.index.IndexReader;
import pullquote.search.ReviewSearchService;

/**
 * A soak: mixed searches from many concurrent clients for a fixed time while the index is rebuilt
 * and swapped in the middle. Reports every status answered, latencies, and heap and resident memory
 * before and after, so failures across a swap and memory that creeps show up.
 */
public final class Soak {

  /**
   * @param clients concurrent closed-loop HTTP clients
   * @param warmupSeconds load before the "before" memory reading, unmeasured
   * @param seconds the measured run; the rebuild starts half-way through
   */
  public record Options(
      int clients, double warmupSeconds, double seconds, int perClass, long seed) {
    public Options {
      if (clients < 1 || warmupSeconds < 0 || seconds <= 0 || perClass < 1) {
        throw new IllegalArgumentException(
            "clients, seconds and per-class must be positive; warm-up must not be negative");
      }
    }
  }

  /** Memory of the server's process: heap in use after a full collection, and resident set. */
  public record Memory(long heapAfterGcBytes, long rssBytes) {}

  /** What the rebuild did and when the server started answering from it. */
  public record Rebuild(
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
      double rssGrowth) {}

  private final ReviewSearchService service;
  private final IndexReader reader;
  private final URI server;

  /**
   * @param reader the index the query mix is drawn from
   * @param server base URI of the server under test, searching through {@code service}
   */
  public Soak(ReviewSearchService service, IndexReader reader, URI server) {
    this.service = service;
    this.reader = reader;
    this.server = server;
  }

  /**
   * @param rebuild rebuilds the served index (in another process, as an operator would) and says
   *     how it went
   */
  public Result run(Options options, Callable<String> rebuild)
      throws IOException, InterruptedException {
    List<HttpLoad.Target> targets = targets(options);
    HttpLoad load = new HttpLoad();
    load.run(options.clients(), 0, options.warmupSeconds(), i -> pick(targets, i));
    Memory before = memory();
    String servedBefore = service.stats().generation();
    long start = System.nanoTime();
    Rebuild[] done = new Rebuild[1];
    Thread rebuilder =
        Thread.ofPlatform()
            .name("soak-rebuild")
            .start(() -> done[0] = rebuild(rebuild, options.seconds() / 2, start, servedBefore));
    HttpLoad.Outcome outcome =
        load.run(options.clients(), 0, options.seconds(), i -> pick(targets, i));
    rebuilder.join();
    Memory after = memory();
    Latencies all = new Latencies();
    outcome.byLabel().values().forEach(all::addAll);
    long requests = outcome.statuses().values().stream().mapToLong(Long::longValue).sum();
    return new Result(
        Machine.describe(),
        service.stats().reviews(),
        options,
        requests,
        outcome.statuses(),
        outcome.failures(),
        all.summary(outcome.seconds()),
        done[0],
        before,
        after,
        before.rssBytes() > 0 ? (double) after.rssBytes() / before.rssBytes() - 1 : Double.NaN);
  }

  private Rebuild rebuild(Callable<String> rebuild, double delay, long start, String servedBefore) {
    String outcome;
    double began;
    long t0;
    try {
      Thread.sleep((long) (delay * 1000));
      began = (System.nanoTime() - start) / 1e9;
      t0 = System.nanoTime();
      outcome = rebuild.call();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Rebuild("interrupted", 0, 0, servedBefore, servedBefore);
    } catch (Exception e) {
      return new Rebuild("failed: " + e.getMessage(), 0, 0, servedBefore, servedBefore);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    // The server looks for a new generation every second; give it two to switch.
    String servedAfter = servedBefore;
    for (int i = 0; i < 40 && servedAfter.equals(servedBefore); i++) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      servedAfter = service.stats().generation();
    }
    return new Rebuild(outcome, began, seconds, servedBefore, servedAfter);
  }

  /** The page's searches (facets and highlights) and plain ones, every class interleaved. */
  private List<HttpLoad.Target> targets(Options options) throws IOException {
    List<BenchQuery> mix = QueryMix.draw(reader, options.perClass(), options.seed());
    List<HttpLoad.Target> targets = new ArrayList<>();
    int classes = QueryClass.values().length;
    for (int i = 0; i < options.perClass(); i++) {
      for (int kind = 0; kind < classes; kind++) {
        BenchQuery q = mix.get(kind * options.perClass() + i);
        boolean page = (i + kind) % 2 == 0;
        targets.add(
            new HttpLoad.Target(
                QueryBenchmark.label(q.kind(), page),
                server.resolve("/api/search?" + q.queryString(page))));
      }
    }
    return targets;
  }

  private static HttpLoad.Target pick(List<HttpLoad.Target> targets, int i) {
    return targets.get(Math.floorMod(i, targets.size()));
  }

  static Memory memory() {
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new Memory(heap, residentBytes());
  }

  /** The process's resident set from /proc (Linux); -1 elsewhere. */
  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
