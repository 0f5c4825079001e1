package pullquote.index;

import java.time.Instant;
import java.util.Map;

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
}
