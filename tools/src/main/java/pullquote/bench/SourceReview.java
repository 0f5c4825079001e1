package pullquote.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A review a quote is drawn from.
 *
 * @param doc its document number in the index read
 * @param critic the credited critic, or null
 * @param words its text as {@link QuoteWords#of} reads it
 */
record SourceReview(int doc, String id, String text, String critic, List<String> words) {

  /** What may follow a surname in a critic's name. */
  private static final Set<String> NOT_SURNAMES =
      Set.of("jr.", "jr", "sr.", "sr", "ii", "iii", "iv");

  SourceReview {
    if (id == null || text == null) {
      throw new IllegalArgumentException("a review needs an id and a text");
    }
    words = Collections.unmodifiableList(new ArrayList<>(words));
  }

  static SourceReview of(int doc, String id, String text, String critic) {
    return new SourceReview(doc, id, text, critic, QuoteWords.of(text));
  }

  /**
   * The critic's surname as typed: the last word of the name, passing over generational suffixes
   * and parenthesised remarks ("Felix Vasquez Jr.", "Paul Clinton (CNN.com)"); null when the review
   * is uncredited or credited to a masthead ("Variety Staff"), where there is no surname to
   * remember.
   */
  String surname() {
    if (critic == null || critic.isBlank()) {
      return null;
    }
    List<String> names = new ArrayList<>(List.of(critic.strip().split("\\s+")));
    while (!names.isEmpty() && isNoSurname(names.get(names.size() - 1))) {
      names.remove(names.size() - 1);
    }
    if (names.isEmpty() || names.get(names.size() - 1).equalsIgnoreCase("staff")) {
      return null;
    }
    return QuoteWords.typed(names.get(names.size() - 1));
  }

  private static boolean isNoSurname(String name) {
    return name.startsWith("(") || NOT_SURNAMES.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The words from {@code start}, or null when any of them is no word a reader types. */
  List<String> run(int start, int length) {
    if (start < 0 || start + length > words.size()) {
      return null;
    }
    List<String> run = words.subList(start, start + length);
    return run.contains(null) ? null : List.copyOf(run);
  }
}
