package pullquote.bench;

import java.util.Locale;

/** The kinds of query in the benchmark's mix, each reported on its own. */
public enum QueryClass {
  /** One word from a review. */
  WORD,
  /** Two or three words from one review, all required. */
  AND,
  /** Two words from different reviews, either one. */
  OR,
  /** Three consecutive words of a review, as an exact phrase. */
  PHRASE,
  /** Every review by one critic, as a click on a critic's name lists them. */
  CRITIC,
  /** Every review of one sentiment: the broadest query the page makes. */
  SENTIMENT,
  /**
   * Two words of one review, one of them misspelt into a word the index lacks: the search box finds
   * nothing as typed and tries the typo neighbours.
   */
  TYPO,
  /**
   * Three words no review's text has together (two of one review, one of another): the search box
   * finds nothing as typed, tries typo neighbours, and relaxes to the reviews with most of them.
   */
  RELAXED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
