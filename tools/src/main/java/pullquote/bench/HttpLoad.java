package pullquote.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Closed-loop HTTP load: N clients, each sending its next request as soon as the last is answered,
 * for a warm-up and then a measured period. Every answer must be a 200.
 */
final class HttpLoad {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** A status counted for a request that got no HTTP answer at all (refused, reset, timed out). */
  static final int NO_ANSWER = 0;

  /**
   * The latencies of one run's measured requests, per label, the wall time they were measured over,
   * and how many requests, warm-up included, ended in each HTTP status ({@link #NO_ANSWER} for
   * none).
   */
  record Outcome(
      java.util.Map<String, Latencies> byLabel,
      double seconds,
      java.util.Map<Integer, Long> statuses) {
    Outcome {
      byLabel = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byLabel));
      statuses = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(statuses));
    }

    /** Every measured request's latency, whatever its label. */
    LatencySummary overall() {
      Latencies all = new Latencies();
      byLabel.values().forEach(all::addAll);
      return all.summary(seconds);
    }

    /** Requests answered with anything but a 200, or not answered. */
    long failures() {
      return statuses.entrySet().stream()
          .filter(e -> e.getKey() != 200)
          .mapToLong(java.util.Map.Entry::getValue)
          .sum();
    }

    long requests() {
      return statuses.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** A request and the label its latency is reported under. */
  record Target(String label, URI uri) {}

  /**
   * @param targets the i-th request a client sends is {@code targets.apply(i)}; clients start at
   *     different offsets so they do not send the same request at once
   */
  Outcome run(int clients, double warmupSeconds, double seconds, IntFunction<Target> targets)
      throws InterruptedException {
    long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    long end = warmupEnd + (long) (seconds * 1e9);
    List<Worker> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      workers.add(new Worker(c * 7919, warmupEnd, end, targets));
    }
    List<Thread> threads = new ArrayList<>();
    for (Worker worker : workers) {
      threads.add(Thread.ofPlatform().name("bench-client").start(worker));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    java.util.Map<String, Latencies> merged = new java.util.TreeMap<>();
    java.util.Map<Integer, Long> statuses = new java.util.TreeMap<>();
    for (Worker worker : workers) {
      worker.byLabel.forEach(
          (label, l) -> merged.computeIfAbsent(label, k -> new Latencies()).addAll(l));
      worker.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
    }
    return new Outcome(merged, seconds, statuses);
  }

  private final class Worker implements Runnable {
    private final int offset;
    private final long warmupEnd;
    private final long end;
    private final IntFunction<Target> targets;
    private final java.util.Map<String, Latencies> byLabel = new java.util.HashMap<>();
    private final java.util.Map<Integer, Long> statuses = new java.util.HashMap<>();

    Worker(int offset, long warmupEnd, long end, IntFunction<Target> targets) {
      this.offset = offset;
      this.warmupEnd = warmupEnd;
      this.end = end;
      this.targets = targets;
    }

    @Override
    public void run() {
      for (int i = offset; ; i++) {
        long start = System.nanoTime();
        if (start >= end) {
          return;
        }
        Target target = targets.apply(i);
        int status;
        try {
          HttpResponse<byte[]> response =
              client.send(
                  HttpRequest.newBuilder(target.uri()).timeout(Duration.ofSeconds(30)).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
          status = response.statusCode();
        } catch (java.io.IOException e) {
          status = NO_ANSWER;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long elapsed = System.nanoTime() - start;
        statuses.merge(status, 1L, Long::sum);
        if (status == 200 && start >= warmupEnd) {
          byLabel.computeIfAbsent(target.label(), k -> new Latencies()).add(elapsed);
        }
      }
    }
  }
}
