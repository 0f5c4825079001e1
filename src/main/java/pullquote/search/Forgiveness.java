package pullquote.search;

/**
 * How far the search box forgives what is typed (README, "Forgiving search").
 *
 * @param oneTypoFrom words this long or longer match words one edit away (Meilisearch's default 5)
 * @param twoTyposFrom words this long or longer match words two edits away (Meilisearch's 9)
 * @param maxExpansions the most other forms one typed word may match, the most frequent first
 * @param expandBelow other forms (typos, spellings, near-synonyms) are tried only when the words as
 *     typed find fewer reviews than this in the whole index, so a query whose words all exist never
 *     balloons its total with near-spellings of them (Typesense's {@code typo_tokens_threshold}); 0
 *     never tries them
 */
public record Forgiveness(int oneTypoFrom, int twoTyposFrom, int maxExpansions, int expandBelow) {

  public static final Forgiveness DEFAULT = new Forgiveness(5, 9, 50, 1);

  /** Words typed as they are, and nothing more: the search box before it forgave. */
  public static final Forgiveness NONE =
      new Forgiveness(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0);

  public Forgiveness {
    if (oneTypoFrom < 1 || twoTyposFrom < oneTypoFrom) {
      throw new IllegalArgumentException(
          "typo lengths must be at least 1, the two-typo length at least the one-typo length");
    }
    if (maxExpansions < 0 || expandBelow < 0) {
      throw new IllegalArgumentException("expansions and the expansion threshold must be >= 0");
    }
  }

  /** Edits a typed word of this many letters may be away from a word of the index. */
  int maxEdits(int letters) {
    return letters >= twoTyposFrom ? 2 : letters >= oneTypoFrom ? 1 : 0;
  }
}
