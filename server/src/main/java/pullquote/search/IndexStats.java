package pullquote.search;

import java.util.Map;
import pullquote.index.BuildInfo;

/**
 * What the served index holds.
 *
 * @param build how the served generation was built; null when its build information is missing
 */
public record IndexStats(
    long reviews,
    long sizeBytes,
    String generation,
    Map<String, Long> sentiment,
    Map<String, Long> sentimentSource,
    long critics,
    long works,
    BuildInfo build) {}
