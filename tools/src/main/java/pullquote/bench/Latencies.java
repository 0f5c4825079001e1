package pullquote.bench;

import java.util.Arrays;

/** Response times of one kind of request, kept whole so percentiles are exact. Not thread-safe. */
final class Latencies {

  private long[] nanos = new long[1024];
  private int count;

  void add(long elapsedNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = elapsedNanos;
  }

  void addAll(Latencies other) {
    for (int i = 0; i < other.count; i++) {
      add(other.nanos[i]);
    }
  }

  int count() {
    return count;
  }

  /**
   * Percentiles in milliseconds, nearest-rank.
   *
   * @param seconds the wall time the requests took, for throughput; 0 when not measured
   */
  LatencySummary summary(double seconds) {
    if (count == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    double sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    return new LatencySummary(
        count,
        ms(rank(sorted, 0.50)),
        ms(rank(sorted, 0.95)),
        ms(rank(sorted, 0.99)),
        ms(sorted[count - 1]),
        ms(sum / count),
        seconds > 0 ? count / seconds : 0);
  }

  private static long rank(long[] sorted, double quantile) {
    int rank = (int) Math.ceil(quantile * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double ms(double nanos) {
    return Math.round(nanos / 1_000) / 1_000.0;
  }
}
