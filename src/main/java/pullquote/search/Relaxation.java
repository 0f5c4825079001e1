package pullquote.search;

import java.util.List;

/**
 * How a search was relaxed when no review had all its words: the API's {@code relaxed}.
 *
 * @param optional the words a hit may lack (every top-level word when any may be missing)
 * @param minMatch how many of the other words every hit has at least; hits with more rank first
 */
public record Relaxation(List<String> optional, int minMatch) {
  public Relaxation {
    optional = List.copyOf(optional);
    if (optional.isEmpty() || minMatch < 1) {
      throw new IllegalArgumentException("a relaxation leaves a word out and requires one");
    }
  }
}
