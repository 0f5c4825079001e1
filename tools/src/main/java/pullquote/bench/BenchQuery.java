package pullquote.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import pullquote.search.SearchRequest;
import pullquote.sentiment.Sentiment;

/**
 * One query of the mix, which every runner (our search layer, raw Lucene, HTTP) turns into its own
 * form of the same request.
 *
 * @param words the words searched: one phrase for {@link QueryClass#PHRASE}, none for a filter, as
 *     typed (so with the slip for {@link QueryClass#TYPO})
 * @param critic the critic filtered on, or null
 * @param sentiment the sentiment filtered on, or null
 * @param typo which word of a {@link QueryClass#TYPO} query is misspelt, and what was meant; null
 *     for every other class
 */
public record BenchQuery(
    QueryClass kind, List<String> words, String critic, Sentiment sentiment, Typo typo) {

  /**
   * A misspelt word.
   *
   * @param at the index of the misspelt word in {@link #words()}
   * @param meant the word of the review it was typed for
   */
  public record Typo(int at, String meant) {
    public Typo {
      if (at < 0 || meant == null || meant.isBlank()) {
        throw new IllegalArgumentException("a typo needs its word's place and the word meant");
      }
    }
  }

  public BenchQuery {
    words = List.copyOf(words);
    if (kind == null) {
      throw new IllegalArgumentException("a query needs a class");
    }
    if ((kind == QueryClass.TYPO) != (typo != null)) {
      throw new IllegalArgumentException("a typo query, and only one, says which word is misspelt");
    }
    if (kind == QueryClass.TYPO
        && (words.size() != 2 || typo.at() >= 2 || typo.meant().equals(words.get(typo.at())))) {
      throw new IllegalArgumentException("a typo query is two words, one of them misspelt");
    }
    if (kind == QueryClass.RELAXED && (words.size() != 3 || Set.copyOf(words).size() != 3)) {
      throw new IllegalArgumentException("a relaxed query is three different words");
    }
  }

  /** A query of a class that misspells nothing. */
  public BenchQuery(QueryClass kind, List<String> words, String critic, Sentiment sentiment) {
    this(kind, words, critic, sentiment, null);
  }

  /** The misspelt word of a {@link QueryClass#TYPO} query, as typed. */
  public String misspelt() {
    return words.get(typoOrFail().at());
  }

  /** The word of a {@link QueryClass#TYPO} query that is typed right. */
  public String typedRight() {
    return words.get(1 - typoOrFail().at());
  }

  private Typo typoOrFail() {
    if (typo == null) {
      throw new IllegalStateException("a " + kind.key() + " query misspells nothing");
    }
    return typo;
  }

  /** The search-box text, in the API's syntax. */
  public String q() {
    return switch (kind) {
      case PHRASE -> "\"" + String.join(" ", words) + "\"";
      case OR -> String.join(" OR ", words);
      default -> String.join(" ", words);
    };
  }

  /**
   * @param page with the facet counts and highlights the search page asks for
   */
  public SearchRequest request(boolean page) {
    return SearchRequest.filtered(
            q(),
            critic == null ? List.of() : List.of(critic),
            sentiment == null ? Set.of() : Set.of(sentiment))
        .withExtras(page, page);
  }

  /** The same request as an HTTP query string for {@code /api/search}. */
  public String queryString(boolean page) {
    List<String> params = new ArrayList<>();
    params.add("q=" + encode(q()));
    if (critic != null) {
      params.add("critic=" + encode(critic));
    }
    if (sentiment != null) {
      params.add("sentiment=" + sentiment.key());
    }
    if (!page) {
      params.add("facets=false");
      params.add("highlight=false");
    }
    return String.join("&", params);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
