package pullquote.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;
import pullquote.index.ReviewFields;

/**
 * The opaque {@code cursor} that continues a search after a given hit. It holds the hit's sort
 * values and its review id (the tie-break), so it stays valid across index swaps.
 */
record Cursor(String sort, Object value, String id) {

  private static final char SEP = '\u001F';

  String encode() {
    String kind =
        switch (value) {
          case null -> "n";
          case Float f -> "f";
          case Integer i -> "i";
          default -> "l";
        };
    String text = sort + SEP + kind + SEP + (value == null ? "" : value) + SEP + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static Cursor decode(String cursor, SortOrder expectedSort) {
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
              .split(String.valueOf(SEP), -1);
    } catch (IllegalArgumentException e) {
      throw invalid("the cursor is not one this API gave out");
    }
    if (parts.length != 4 || parts[3].isEmpty()) {
      throw invalid("the cursor is not one this API gave out");
    }
    if (!parts[0].equals(expectedSort.toString())) {
      throw invalid(
          "the cursor was made for sort=" + parts[0] + "; repeat that sort or start over");
    }
    String expectedKind =
        switch (expectedSort.key()) {
          case RELEVANCE -> "f";
          case DATE -> "l";
          case SCORE -> "i";
        };
    if (!parts[1].equals(expectedKind)) {
      throw invalid("the cursor is not one this API gave out");
    }
    try {
      Object value =
          switch (parts[1]) {
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
   * @param scoreless as in {@link SortFields#of}
   * @param byIdString as in {@link SortFields#of}
   */
  FieldDoc toFieldDoc(boolean scoreless, boolean byIdString) {
    List<Object> fields = new ArrayList<>(3);
    float score = value instanceof Float f ? f : Float.NaN;
    if (!(scoreless && value instanceof Float)) {
      fields.add(value);
    }
    // An index without the hash reads its missing value, 0, for every review.
    fields.add(byIdString ? 0L : ReviewFields.idOrder(id));
    if (byIdString) {
      fields.add(new BytesRef(id));
    }
    // Integer.MAX_VALUE: Lucene's last tie-break is the doc number, and the id already breaks ties.
    return new FieldDoc(Integer.MAX_VALUE, score, fields.toArray());
  }

  private static float finite(float score) {
    if (!Float.isFinite(score)) {
      throw invalid("the cursor is not one this API gave out");
    }
    return score;
  }

  private static InvalidParameterException invalid(String message) {
    return new InvalidParameterException(
        InvalidParameterException.INVALID_CURSOR, "cursor", message);
  }
}
