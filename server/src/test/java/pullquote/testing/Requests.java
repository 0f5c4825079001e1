package pullquote.testing;

import pullquote.search.SearchRequest;
import pullquote.search.SortOrder;

/** Variations of a search request that tests page and sort with. */
public final class Requests {

  private Requests() {}

  /** The request in pages of the given size, continuing after the cursor (null: the first). */
  public static SearchRequest after(SearchRequest r, String cursor, int size) {
    return copy(r, r.sort(), size, cursor);
  }

  /** The request in another order, from its first page. */
  public static SearchRequest sortedBy(SearchRequest r, SortOrder sort) {
    return copy(r, sort, r.size(), null);
  }

  /** The request narrowed to scores and dates within the bounds (null: open). */
  public static SearchRequest within(
      SearchRequest r,
      Integer minScore,
      Integer maxScore,
      java.time.LocalDate from,
      java.time.LocalDate to) {
    return copy(r, minScore, maxScore, from, to, r.sort(), r.size(), null);
  }

  private static SearchRequest copy(SearchRequest r, SortOrder sort, int size, String cursor) {
    return copy(r, r.minScore(), r.maxScore(), r.from(), r.to(), sort, size, cursor);
  }

  private static SearchRequest copy(
      SearchRequest r,
      Integer minScore,
      Integer maxScore,
      java.time.LocalDate from,
      java.time.LocalDate to,
      SortOrder sort,
      int size,
      String cursor) {
    return new SearchRequest(
        r.q(),
        r.critics(),
        r.publications(),
        r.works(),
        r.sentiments(),
        minScore,
        maxScore,
        from,
        to,
        sort,
        1,
        size,
        cursor,
        r.facets(),
        r.highlight());
  }
}
