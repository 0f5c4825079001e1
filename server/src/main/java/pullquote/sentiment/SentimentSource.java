package pullquote.sentiment;

import java.util.Locale;

/** Where a review's sentiment came from, strongest evidence first. */
public enum SentimentSource {
  SCORE,
  LABEL,
  PAGE,
  MODEL;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
