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
  SENTIMENT;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
