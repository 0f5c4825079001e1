package pullquote.bench;

import java.util.List;

/**
 * One query of the relevance benchmark: a quote from a review, typed as its kind says.
 *
 * @param quote the words as the review has them
 * @param typed the words as typed into the search box
 * @param target the review quoted
 */
public record RelevanceQuery(QuoteKind kind, List<String> quote, List<String> typed, Hit target) {

  public RelevanceQuery {
    quote = List.copyOf(quote);
    typed = List.copyOf(typed);
    if (kind == null || target == null || quote.isEmpty() || typed.isEmpty()) {
      throw new IllegalArgumentException("a query needs a kind, words and a target");
    }
  }

  /** The search-box text: the typed words, in double quotes for {@link QuoteKind#PHRASE}. */
  public String text() {
    String words = String.join(" ", typed);
    return kind == QuoteKind.PHRASE ? "\"" + words + "\"" : words;
  }
}
