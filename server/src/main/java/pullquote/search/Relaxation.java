package pullquote.search;

import java.util.List;

/**
 * How a search was relaxed when no review had all its words: the API's {@code relaxed}.
 *
 * @param optional the words a hit may lack: those nothing in the index matches, or every top-level
 *     word when any may be missing
 * @param minMatch how many of the other words every hit has at least; hits with more rank first
 * @param unknown the words nothing in the index matches in any form (a subset of {@code optional},
 *     possibly empty): named apart, so a reader learns which words found nothing
 */
public record Relaxation(List<String> optional, int minMatch, List<String> unknown) {

  /** Minimum-match levels tried, from all but one word down, before falling to one word. */
  private static final int RELAX_STEPS = 3;

  /**
   * How many of the live words a relaxed reading requires, in the order every backend tries them:
   * all live words (when some were dropped), then one fewer each step, then one.
   */
  public static List<Integer> levels(int live, boolean someDropped) {
    List<Integer> levels = new java.util.ArrayList<>();
    if (someDropped) {
      levels.add(live);
    }
    for (int k = live - 1; k >= 1 && k >= live - RELAX_STEPS; k--) {
      levels.add(k);
    }
    if (!levels.contains(1)) {
      levels.add(1);
    }
    return levels;
  }

  public Relaxation {
    optional = List.copyOf(optional);
    unknown = List.copyOf(unknown);
    if (optional.isEmpty() || minMatch < 1 || !optional.containsAll(unknown)) {
      throw new IllegalArgumentException(
          "a relaxation leaves a word out, requires one, and names unknown words among those left"
              + " out");
    }
  }
}
