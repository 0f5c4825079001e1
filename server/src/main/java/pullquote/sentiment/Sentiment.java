package pullquote.sentiment;

import java.util.Locale;
import java.util.Optional;

/** The three sentiment classes a review can carry. */
public enum Sentiment {
  POSITIVE,
  MIXED,
  NEGATIVE;

  /** The lower-case name used in the index, the API and the CLI. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API or CLI value ("positive", "Mixed", ...); empty when it is not one of the three.
   */
  /** Every key, in the enum's order. */
  public static java.util.List<String> keys() {
    return java.util.Arrays.stream(values()).map(Sentiment::key).toList();
  }

  public static Optional<Sentiment> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (Sentiment s : values()) {
      if (s.key().equals(value.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Maps a 0–100 score to a class with the Metacritic film bands: 61 and up positive, 40–60 mixed,
   * 39 and below negative.
   */
  public static Sentiment fromScore(int normalisedScore) {
    if (normalisedScore >= 61) {
      return POSITIVE;
    }
    return normalisedScore >= 40 ? MIXED : NEGATIVE;
  }
}
