package pullquote.search;

import java.util.Set;

/**
 * How the search box's plain words are read: as typed, or forgiving (other forms of each word,
 * ranked below it), and whether all the top-level words are required.
 *
 * @param forgiving whether typos, other spellings and near-synonyms of each word match too
 * @param dropped top-level words left out: nothing in the index matches them in any form
 * @param minimumMatch 0 when every top-level word is required; else how many of those not dropped a
 *     review must match (relaxed)
 */
record Reading(boolean forgiving, Set<String> dropped, int minimumMatch) {

  static final Reading STRICT = new Reading(false, Set.of(), 0);
  static final Reading FORGIVING = new Reading(true, Set.of(), 0);

  Reading {
    dropped = Set.copyOf(dropped);
    if (minimumMatch < 0) {
      throw new IllegalArgumentException("minimumMatch must be >= 0");
    }
    if ((minimumMatch > 0 || !dropped.isEmpty()) && !forgiving) {
      throw new IllegalArgumentException("only a forgiving reading relaxes");
    }
  }

  boolean relaxed() {
    return minimumMatch > 0;
  }
}
