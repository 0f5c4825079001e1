package pullquote.search;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import pullquote.index.ReviewFields;

/** The Lucene sort for each order; every one ends on the review id so ties page stably. */
final class SortFields {

  private SortFields() {}

  static Sort of(SortOrder order) {
    SortField id = new SortField(ReviewFields.ID, SortField.Type.STRING);
    return switch (order.key()) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
      case DATE ->
          new Sort(numeric(ReviewFields.DATE, SortField.Type.LONG, order.descending()), id);
      case SCORE ->
          new Sort(numeric(ReviewFields.SCORE, SortField.Type.INT, order.descending()), id);
    };
  }

  /** Reviews without the value sort last whichever way the sort runs. */
  private static SortField numeric(String field, SortField.Type type, boolean descending) {
    Object missing =
        type == SortField.Type.INT
            ? (Object) (descending ? Integer.MIN_VALUE : Integer.MAX_VALUE)
            : (Object) (descending ? Long.MIN_VALUE : Long.MAX_VALUE);
    return new SortField(field, type, descending, missing);
  }
}
