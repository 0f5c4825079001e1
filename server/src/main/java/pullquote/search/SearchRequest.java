package pullquote.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import pullquote.index.ReviewFields;
import pullquote.sentiment.Sentiment;

/**
 * A validated search: the query-box text, filters, order and page.
 *
 * @param q the search-box syntax; empty lists everything
 * @param critics exact critic names, any of which may match
 * @param sentiments classes, any of which may match; empty for all
 * @param page 1-based page, used when no cursor is given
 * @param cursor an opaque position from a previous response's {@code next_cursor}, or null
 * @param facets whether to count facets; a client that shows none saves their cost
 * @param highlight whether to mark the matched words in each hit's text
 */
public record SearchRequest(
    String q,
    List<String> critics,
    List<String> publications,
    List<String> works,
    Set<Sentiment> sentiments,
    Integer minScore,
    Integer maxScore,
    LocalDate from,
    LocalDate to,
    SortOrder sort,
    int page,
    int size,
    String cursor,
    boolean facets,
    boolean highlight) {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;

  /** How deep page/size may reach; past it the cursor pages on, as Elasticsearch's window does. */
  public static final int MAX_WINDOW = 10_000;

  /**
   * The longest search-box text; the 256-word cap bounds the work, this bounds what is parsed and
   * echoed back in {@code query}.
   */
  public static final int MAX_QUERY_CHARS = 4_000;

  public SearchRequest {
    q = q == null ? "" : q;
    check(
        q.length() <= MAX_QUERY_CHARS,
        "q",
        "q may be at most " + MAX_QUERY_CHARS + " characters; got " + q.length());
    critics = List.copyOf(critics);
    publications = List.copyOf(publications);
    works = List.copyOf(works);
    sentiments = Set.copyOf(sentiments);
    sort = sort == null ? SortOrder.RELEVANCE : sort;
    check(size >= 1 && size <= MAX_SIZE, "size", "size must be between 1 and " + MAX_SIZE);
    check(page >= 1, "page", "page must be 1 or more");
    check(
        (long) page * size <= MAX_WINDOW,
        "page",
        "page × size may not pass " + MAX_WINDOW + "; use next_cursor to read further");
    checkScore(minScore, "min_score");
    checkScore(maxScore, "max_score");
    check(
        minScore == null || maxScore == null || minScore <= maxScore,
        "min_score",
        "min_score must not be above max_score");
    check(from == null || to == null || !from.isAfter(to), "from", "from must not be after to");
  }

  /** Everything, in relevance order, first page. */
  public static SearchRequest of(String q) {
    return filtered(q, List.of(), Set.of());
  }

  /** Filtered on any of the critics and any of the sentiments; relevance order, first page. */
  public static SearchRequest filtered(String q, List<String> critics, Set<Sentiment> sentiments) {
    return new SearchRequest(
        q,
        critics,
        List.of(),
        List.of(),
        sentiments,
        null,
        null,
        null,
        null,
        SortOrder.RELEVANCE,
        1,
        DEFAULT_SIZE,
        null,
        true,
        true);
  }

  /**
   * The exact names filtered on for a name field of the schema ({@code critic}, {@code
   * publication}, {@code work}); any of them may match.
   */
  public List<String> names(String field) {
    return switch (field) {
      case ReviewFields.CRITIC -> critics;
      case ReviewFields.PUBLICATION -> publications;
      case ReviewFields.WORK -> works;
      default -> throw new IllegalArgumentException(field + " is not a name field");
    };
  }

  /** This request with facet counting and highlighting switched on or off. */
  public SearchRequest withExtras(boolean facets, boolean highlight) {
    return new SearchRequest(
        q,
        critics,
        publications,
        works,
        sentiments,
        minScore,
        maxScore,
        from,
        to,
        sort,
        page,
        size,
        cursor,
        facets,
        highlight);
  }

  private static void checkScore(Integer score, String parameter) {
    check(
        score == null || (score >= 0 && score <= 100),
        parameter,
        parameter + " must be between 0 and 100");
  }

  private static void check(boolean ok, String parameter, String message) {
    if (!ok) {
      throw new InvalidParameterException(
          InvalidParameterException.OUT_OF_RANGE, parameter, message);
    }
  }
}
