package pullquote.bench;

/**
 * The figures reported for one kind of request, in milliseconds.
 *
 * @param perSecond requests answered per second of wall time; 0 where not measured
 */
public record LatencySummary(
    int count,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    double maxMs,
    double meanMs,
    double perSecond) {}
