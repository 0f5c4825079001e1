package pullquote.search.lucene;

import java.util.Set;
import pullquote.search.Forgiveness;

/**
 * How the search box's plain words are read: as typed, or also in other forms (near-synonyms, typo
 * neighbours; other spellings are always part of a word), and whether all the top-level words are
 * required.
 *
 * @param synonyms whether near-synonyms of each word, and the word in critic, publication and work
 *     names (below the text), match too, as the word itself
 * @param typos whether typo neighbours of each word match too, below the word
 * @param dropped top-level words left out: nothing in the index matches them in any form
 * @param minimumMatch 0 when every top-level word is required; else how many of those not dropped a
 *     review must match (relaxed)
 */
record Reading(boolean synonyms, boolean typos, Set<String> dropped, int minimumMatch) {

  static final Reading STRICT = new Reading(false, false, Set.of(), 0);
  static final Reading FORGIVING = new Reading(true, true, Set.of(), 0);

  Reading {
    dropped = Set.copyOf(dropped);
    if (minimumMatch < 0) {
      throw new IllegalArgumentException("minimumMatch must be >= 0");
    }
    if (!dropped.isEmpty() && minimumMatch == 0) {
      throw new IllegalArgumentException("words are dropped only by a relaxed reading");
    }
  }

  /** How the words are read when the words as typed find this many reviews in the index. */
  static Reading forFound(Forgiveness forgiveness, long foundAsTyped) {
    return new Reading(
        foundAsTyped < forgiveness.synonymsBelow(),
        foundAsTyped < forgiveness.typosBelow(),
        Set.of(),
        0);
  }

  /** The same forms, relaxed to need this many of the words not dropped. */
  Reading relaxed(Set<String> dropped, int minimumMatch) {
    return new Reading(synonyms, typos, dropped, minimumMatch);
  }

  boolean relaxed() {
    return minimumMatch > 0;
  }

  /** Whether reviews rank in tiers: by words matched, then by words matched as typed. */
  boolean tiered() {
    return synonyms || typos || relaxed();
  }
}
