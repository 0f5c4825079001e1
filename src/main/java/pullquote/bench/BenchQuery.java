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
 * @param words the words searched: one phrase for {@link QueryClass#PHRASE}, none for a filter
 * @param critic the critic filtered on, or null
 * @param sentiment the sentiment filtered on, or null
 */
public record BenchQuery(QueryClass kind, List<String> words, String critic, Sentiment sentiment) {

  public BenchQuery {
    words = List.copyOf(words);
    if (kind == null) {
      throw new IllegalArgumentException("a query needs a class");
    }
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
