package pullquote.search.solr;

import java.util.List;
import pullquote.search.CursorToken;
import pullquote.search.InvalidParameterException;
import pullquote.search.SortOrder;

/**
 * The opaque {@code cursor} of the Solr backend. Following cursors from a first page, it holds
 * Solr's own {@code cursorMark} (the sort values of the last hit and its id), which stays valid
 * when the alias moves to a rebuilt collection; after a page reached by number, where Solr gives no
 * mark, it holds the offset and the collection it counts in, and is refused once the alias has
 * moved, since the same offset would skip or repeat reviews there.
 *
 * @param tieOnly made for a search of filters alone, ordered by the tie-break alone: its marks hold
 *     no score, so it and a scored search's cursor are not interchangeable
 * @param mark Solr's cursor mark, or null for an offset cursor
 * @param seen hits before the next page (the offset it starts at)
 * @param collection for an offset cursor, the collection behind the alias; else null
 */
record SolrCursor(String sort, boolean tieOnly, String mark, long seen, String collection) {

  private static final String PREFIX = "s1";

  SolrCursor {
    if ((mark == null) == (collection == null) || seen < 0) {
      throw new IllegalArgumentException("a cursor holds a mark, or an offset and a collection");
    }
  }

  String encode() {
    return CursorToken.encode(
        List.of(
            PREFIX,
            sort,
            tieOnly ? "t" : "s",
            mark == null ? "" : mark,
            Long.toString(seen),
            collection == null ? "" : collection));
  }

  static SolrCursor decode(String cursor, SortOrder expectedSort) {
    String[] parts = CursorToken.decode(cursor, 6).toArray(String[]::new);
    if (!parts[0].equals(PREFIX)) {
      throw CursorToken.notOurs();
    }
    if (!parts[1].equals(expectedSort.toString())) {
      throw invalid(
          "the cursor was made for sort=" + parts[1] + "; repeat that sort or start over");
    }
    try {
      return new SolrCursor(
          parts[1],
          parts[2].equals("t"),
          parts[3].isEmpty() ? null : parts[3],
          Long.parseLong(parts[4]),
          parts[5].isEmpty() ? null : parts[5]);
    } catch (IllegalArgumentException e) {
      throw CursorToken.notOurs();
    }
  }

  /** Refuses this cursor on a search of the other kind (filters alone, or with words). */
  void requireKind(boolean filtersOnly) {
    if (tieOnly != filtersOnly) {
      throw invalid(
          tieOnly
              ? "the cursor was made for a search of filters alone; repeat that search or start"
                  + " over"
              : "the cursor was made for a search with words; repeat that search or start over");
    }
  }

  static InvalidParameterException invalid(String message) {
    return CursorToken.invalid(message);
  }
}
