package pullquote.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A review's text as the words a reader would type from it. */
final class QuoteWords {

  private QuoteWords() {}

  /**
   * The text split on white space, each token as {@link #typed}; null where a token is no word a
   * reader would type, so no quote spans it.
   */
  static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    for (String token : text.strip().split("\\s+")) {
      if (!token.isEmpty()) {
        words.add(typed(token));
      }
    }
    return words;
  }

  /**
   * A token as typed: lower-cased, leading and trailing punctuation stripped, curly apostrophes
   * straightened; null unless it holds a letter and nothing inside but letters, digits, apostrophes
   * and hyphens ("film's", "cool-looking"; not "end.the" or "didn&#8217;t", which nobody types).
   */
  static String typed(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && !Character.isLetterOrDigit(token.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetterOrDigit(token.charAt(end - 1))) {
      end--;
    }
    String word = token.substring(start, end).replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    boolean letter = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetter(c)) {
        letter = true;
      } else if (!Character.isDigit(c) && c != '\'' && c != '-') {
        return null;
      }
    }
    return letter ? word : null;
  }

  /** True for a word of plain letters a-z only. */
  static boolean isPlain(String word, int minLength) {
    return word.length() >= minLength && word.chars().allMatch(c -> c >= 'a' && c <= 'z');
  }
}
