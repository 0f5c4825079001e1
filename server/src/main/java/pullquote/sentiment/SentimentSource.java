package pullquote.sentiment;

import java.util.Arrays;

/**
 * Where a review's sentiment came from, strongest evidence first. The text model's two tiers have
 * keys of their own: {@code model} is the fast linear model (the key every index before the
 * transformer tier used, kept as it was), {@code model:transformer} a decision in which the
 * transformer's log-odds took part.
 */
public enum SentimentSource {
  SCORE("score"),
  LABEL("label"),
  PAGE("page"),
  TRANSFORMER("model:transformer"),
  MODEL("model");

  private final String key;

  SentimentSource(String key) {
    this.key = key;
  }

  /** The name in the API, the index and the build report. */
  public String key() {
    return key;
  }

  /** Every key, strongest evidence first. */
  public static java.util.List<String> keys() {
    return Arrays.stream(values()).map(SentimentSource::key).toList();
  }

  /** The source a key names; also reads the upper-case names older code wrote. */
  public static SentimentSource fromKey(String key) {
    return Arrays.stream(values())
        .filter(s -> s.key.equalsIgnoreCase(key) || s.name().equalsIgnoreCase(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no sentiment source " + key));
  }
}
