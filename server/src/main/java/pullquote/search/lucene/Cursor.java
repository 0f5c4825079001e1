package pullquote.search.lucene;

import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;
import pullquote.index.ReviewFields;
import pullquote.search.CursorToken;
import pullquote.search.InvalidParameterException;
import pullquote.search.SortOrder;

/**
 * The opaque {@code cursor} that continues a search after a given hit. It holds the hit's sort
 * value and its review id (whose hash is the tie-break), so it stays valid across index swaps. In
 * relevance order a search of filters alone has no score to hold (every hit ties), and its value is
 * null: such a cursor and a scored one are not interchangeable, and each is refused on the other
 * kind of search rather than answering an empty page.
 *
 * @param value the sort value of the hit, or null for relevance order over filters alone
 */
record Cursor(String sort, Object value, String id) {

  /**
   * The cursor after the given hit, the last of a page.
   *
   * @param tieOnly as in {@link SortFields#of}: the hit carries no sort value to keep
   */
  static Cursor after(SortOrder sort, FieldDoc hit, String id, boolean tieOnly) {
    return new Cursor(sort.toString(), tieOnly ? null : hit.fields[0], id);
  }

  String encode() {
    String kind =
        switch (value) {
          case null -> "t";
          case Float f -> "f";
          case Integer i -> "i";
          default -> "l";
        };
    return CursorToken.encode(List.of(sort, kind, value == null ? "" : value.toString(), id));
  }

  static Cursor decode(String cursor, SortOrder expectedSort) {
    String[] parts = CursorToken.decode(cursor, 4).toArray(String[]::new);
    if (parts[3].isEmpty()) {
      throw CursorToken.notOurs();
    }
    if (!parts[0].equals(expectedSort.toString())) {
      throw invalid(
          "the cursor was made for sort=" + parts[0] + "; repeat that sort or start over");
    }
    String expectedKinds =
        switch (expectedSort.key()) {
          case RELEVANCE -> "ft";
          case DATE -> "l";
          case SCORE -> "i";
        };
    if (parts[1].length() != 1 || expectedKinds.indexOf(parts[1].charAt(0)) < 0) {
      throw invalid("the cursor is not one this API gave out");
    }
    try {
      Object value =
          switch (parts[1]) {
            case "t" -> null;
            case "f" -> finite(Float.parseFloat(parts[2]));
            case "l" -> Long.parseLong(parts[2]);
            default -> Integer.parseInt(parts[2]);
          };
      return new Cursor(parts[0], value, parts[3]);
    } catch (NumberFormatException e) {
      throw invalid("the cursor is not one this API gave out");
    }
  }

  /**
   * The position to search after, in the shape of {@link SortFields#of} with the same flags.
   *
   * @param tieOnly as in {@link SortFields#of}
   * @param byIdString as in {@link SortFields#of}
   */
  FieldDoc toFieldDoc(boolean tieOnly, boolean byIdString) {
    if (tieOnly != (value == null)) {
      throw invalid(
          tieOnly
              ? "the cursor was made for a search with words; repeat that search or start over"
              : "the cursor was made for a search of filters alone; repeat that search or start"
                  + " over");
    }
    Object tieBreak = byIdString ? new BytesRef(id) : ReviewFields.idOrder(id);
    // Integer.MAX_VALUE: Lucene's last tie-break is the doc number, and the id already breaks ties.
    return new FieldDoc(
        Integer.MAX_VALUE,
        value instanceof Float f ? f : Float.NaN,
        value == null ? new Object[] {tieBreak} : new Object[] {value, tieBreak});
  }

  private static float finite(float score) {
    if (!Float.isFinite(score)) {
      throw invalid("the cursor is not one this API gave out");
    }
    return score;
  }

  private static InvalidParameterException invalid(String message) {
    return CursorToken.invalid(message);
  }
}
