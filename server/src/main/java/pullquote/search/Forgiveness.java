package pullquote.search;

/**
 * How far the search box forgives what is typed (README, "Forgiving search").
 *
 * @param oneTypoFrom words this long or longer match words one edit away (Meilisearch's default 5)
 * @param twoTyposFrom words this long or longer match words two edits away (Meilisearch's 9)
 * @param maxExpansions the most typo neighbours one typed word may match, the most frequent first
 * @param typosBelow typo neighbours are tried only when the words as typed find fewer reviews than
 *     this in the whole index (Typesense's {@code typo_tokens_threshold}); the default 1 tries them
 *     only when the words find nothing, so a query whose words all exist never balloons its total
 *     with near-spellings of them; 0 never tries them
 * @param synonymsBelow names (critic, publication, work) and near-synonyms are tried when the words
 *     as typed find fewer reviews than this: the reader may have typed the critic's surname with
 *     the quote, or put the critic's "film" as "movie", while other reviews happen to have the
 *     words as typed; 0 never tries them
 */
public record Forgiveness(
    int oneTypoFrom, int twoTyposFrom, int maxExpansions, int typosBelow, int synonymsBelow) {

  public static final Forgiveness DEFAULT = new Forgiveness(5, 9, 50, 1, 20);

  /** Words typed as they are, and nothing more: no typos, no synonyms. */
  public static final Forgiveness NONE =
      new Forgiveness(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0, 0);

  public Forgiveness {
    if (oneTypoFrom < 1 || twoTyposFrom < oneTypoFrom) {
      throw new IllegalArgumentException(
          "typo lengths must be at least 1, the two-typo length at least the one-typo length");
    }
    if (maxExpansions < 0 || typosBelow < 0 || synonymsBelow < 0) {
      throw new IllegalArgumentException("expansions and thresholds must be 0 or more");
    }
  }

  /** Below this many reviews found as typed, another reading may find more. */
  public long tryMoreBelow() {
    return Math.max(1, Math.max(typosBelow, synonymsBelow));
  }

  /** Edits a typed word of this many letters may be away from a word of the index. */
  public int maxEdits(int letters) {
    return letters >= twoTyposFrom ? 2 : letters >= oneTypoFrom ? 1 : 0;
  }
}
