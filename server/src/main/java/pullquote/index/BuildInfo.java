package pullquote.index;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import pullquote.ingest.IngestReport;

/**
 * What a build read and wrote, saved beside the generation it made and shown by the stats API.
 *
 * @param buildId unique to this build, so a server can tell two generations of one name apart
 * @param skipped records skipped, by reason
 * @param notes doubts that skipped nothing, by kind
 */
public record BuildInfo(
    String buildId,
    Instant builtAt,
    long elapsedMs,
    int filesRead,
    long reviews,
    Map<String, Long> skipped,
    Map<String, Long> notes,
    Map<String, Long> sentimentBySource,
    Map<String, Long> sentiment) {

  public static final String FILE_NAME = "build-info.json";

  public BuildInfo {
    if (builtAt == null || elapsedMs < 0 || reviews < 0) {
      throw new IllegalArgumentException("a build needs a time and non-negative counts");
    }
    skipped = Map.copyOf(skipped);
    notes = Map.copyOf(notes);
    sentimentBySource = Map.copyOf(sentimentBySource);
    sentiment = Map.copyOf(sentiment);
  }

  /**
   * The report of a build that began at {@code start} and ends at {@code end}, under a new build
   * id. Every backend's build says the same things in the same words (the report's keys).
   */
  public static BuildInfo of(IngestReport report, Instant start, Instant end) {
    Map<String, Long> skipped = new LinkedHashMap<>();
    report.skipped().forEach((reason, n) -> skipped.put(reason.key(), n));
    Map<String, Long> bySource = new LinkedHashMap<>();
    report.bySource().forEach((source, n) -> bySource.put(source.key(), n));
    Map<String, Long> bySentiment = new LinkedHashMap<>();
    report.bySentiment().forEach((s, n) -> bySentiment.put(s.key(), n));
    return new BuildInfo(
        UUID.randomUUID().toString(),
        end,
        end.toEpochMilli() - start.toEpochMilli(),
        report.filesRead(),
        report.reviews(),
        skipped,
        report.notes(),
        bySource,
        bySentiment);
  }
}
