package pullquote.search.lucene;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import pullquote.index.ReviewFields;
import pullquote.index.ReviewSchema;
import pullquote.search.SortOrder;

/**
 * The Lucene sort for each order. Ties are broken by a 64-bit hash of the review id, so they page
 * stably across generations; two ids with the same hash are a one-in-millions chance at 10M
 * reviews. Only an index written before that hash existed is tie-broken by the id string, which
 * costs a terms-dictionary lookup for every hit that enters the page.
 */
final class SortFields {

  private SortFields() {}

  /**
   * @param tieOnly the order is the tie-break alone ({@link SortOrder#byTieBreakAlone}), so Lucene
   *     can skip the hits that cannot reach the page
   * @param byIdString true for an index without {@link ReviewFields#ID_ORDER}
   */
  static Sort of(SortOrder order, boolean tieOnly, boolean byIdString) {
    SortField tieBreak =
        byIdString
            ? new SortField(ReviewFields.ID, SortField.Type.STRING)
            : new SortField(ReviewFields.ID_ORDER, SortField.Type.LONG);
    if (tieOnly) {
      return new Sort(tieBreak);
    }
    if (order.key() == SortOrder.Key.RELEVANCE) {
      return new Sort(SortField.FIELD_SCORE, tieBreak);
    }
    ReviewSchema.Field field =
        ReviewSchema.bySortKey(order.key().key())
            .orElseThrow(() -> new IllegalStateException("the schema sorts on no " + order.key()));
    SortField.Type type =
        switch (field.kind()) {
          case INT -> SortField.Type.INT;
          case DAY, ORDER -> SortField.Type.LONG;
          default -> throw new IllegalStateException(field.name() + " is not a number to sort on");
        };
    return new Sort(numeric(field.name(), type, order.descending()), tieBreak);
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
