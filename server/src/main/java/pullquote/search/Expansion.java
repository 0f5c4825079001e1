package pullquote.search;

import java.util.List;

/**
 * Other forms one typed word matched as well, below the word itself: the API's {@code expansions}.
 *
 * @param word the word as the index reads it (lower case, accents folded)
 * @param kind {@code typo}, {@code spelling} or {@code synonym}
 * @param forms the forms the index has, the most frequent first (at most five shown)
 */
public record Expansion(String word, String kind, List<String> forms) {

  public static final int SHOWN = 5;

  public Expansion {
    if (word == null || kind == null || forms == null || forms.isEmpty()) {
      throw new IllegalArgumentException("an expansion needs a word, a kind and forms");
    }
    forms = List.copyOf(forms.subList(0, Math.min(SHOWN, forms.size())));
  }
}
