package pullquote.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a quote drawn from a review is typed into the search box: seven ways of misremembering it,
 * and two controls that type it as written.
 */
public enum QuoteKind {
  /** Two adjacent, different words swapped. */
  SWAP,
  /** One word replaced by another form of it with the same stem that the index holds. */
  INFLECTION,
  /**
   * One Damerau edit (deletion, insertion, substitution, transposition) in a word of 4+ letters.
   */
  TYPO,
  /** One word forgotten and a common word, absent from the review, put in its place. */
  SUBSTITUTE,
  /** The critic's surname added after the quote. */
  SURNAME,
  /** A word with a British or American counterpart spelled the other way. */
  SPELLING,
  /** A word replaced by a near-synonym from the bench's own list. */
  SYNONYM,
  /** Control: the quote as written, unquoted. */
  EXACT,
  /** Control: the quote as written, in double quotes. */
  PHRASE;

  public boolean control() {
    return this == EXACT || this == PHRASE;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The seven ways of misremembering, in declaration order. */
  public static List<QuoteKind> misremembered() {
    return Arrays.stream(values()).filter(k -> !k.control()).toList();
  }
}
