package pullquote.search;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import pullquote.index.ReviewFields;

/**
 * The Lucene sort for each order; ties are broken by the id's hash, then by the id itself, so ties
 * page stably.
 */
final class SortFields {

  private SortFields() {}

  static Sort of(SortOrder order) {
    // An index written before id_order existed reads 0 for every review and so falls through
    // to the id itself: the same order as before, only slower.
    SortField idOrder = new SortField(ReviewFields.ID_ORDER, SortField.Type.LONG);
    idOrder.setMissingValue(0L);
    SortField id = new SortField(ReviewFields.ID, SortField.Type.STRING);
    SortField first =
        switch (order.key()) {
          case RELEVANCE -> SortField.FIELD_SCORE;
          case DATE -> numeric(ReviewFields.DATE, SortField.Type.LONG, order.descending());
          case SCORE -> numeric(ReviewFields.SCORE, SortField.Type.INT, order.descending());
        };
    return new Sort(first, idOrder, id);
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
