package pullquote.index.solr;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import pullquote.index.ReviewFields;
import pullquote.index.ReviewSchema;
import pullquote.ingest.Review;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

/**
 * Where a review becomes a Solr document, field by field as {@link ReviewSchema} says, and a stored
 * Solr document becomes a review again. The collection's schema (the configset) derives the rest:
 * it copies the text to {@code text_exact} (no stems, for phrases) and each name to its folded
 * {@code _exact} and analysed {@code _words} fields.
 */
public final class SolrDocuments {

  private static final List<String> STORED =
      ReviewSchema.FIELDS.stream()
          .filter(f -> f.kind() != ReviewSchema.Kind.ORDER)
          .map(ReviewSchema.Field::solrName)
          .toList();

  private SolrDocuments() {}

  public static SolrInputDocument toSolr(Review review) {
    SolrInputDocument doc = new SolrInputDocument();
    for (ReviewSchema.Field field : ReviewSchema.FIELDS) {
      Object value = field.value().apply(review);
      if (value == null || (value instanceof Collection<?> values && values.isEmpty())) {
        continue;
      }
      doc.addField(field.solrName(), value);
    }
    return doc;
  }

  /** The stored fields a review is read back from: everything but the sort-only ones. */
  public static List<String> storedFields() {
    return STORED;
  }

  /** Reads a review back from a document returned with {@link #storedFields}. */
  public static Review fromSolr(SolrDocument doc) {
    Number day = number(doc, ReviewFields.DATE);
    Number score = number(doc, ReviewFields.SCORE);
    Number confidence = number(doc, ReviewFields.SENTIMENT_CONFIDENCE);
    Number position = number(doc, ReviewFields.POSITION);
    return new Review(
        text(doc, ReviewFields.ID),
        text(doc, ReviewFields.WORK),
        text(doc, ReviewFields.CRITIC),
        text(doc, ReviewFields.PUBLICATION),
        day == null ? null : LocalDate.ofEpochDay(day.longValue()),
        text(doc, ReviewFields.SCORE_RAW),
        score == null ? null : score.intValue(),
        Sentiment.parse(text(doc, ReviewFields.SENTIMENT)).orElseThrow(),
        SentimentSource.fromKey(text(doc, ReviewFields.SENTIMENT_SOURCE)),
        confidence == null ? null : confidence.doubleValue(),
        values(doc, ReviewFields.SENTIMENT_EVIDENCE),
        text(doc, ReviewFields.TEXT),
        text(doc, ReviewFields.SOURCE),
        position == null ? 0 : position.intValue(),
        values(doc, ReviewFields.ALIASES));
  }

  private static List<String> values(SolrDocument doc, String field) {
    Collection<Object> values = doc.getFieldValues(ReviewSchema.field(field).solrName());
    return values == null ? List.of() : values.stream().map(String::valueOf).toList();
  }

  private static String text(SolrDocument doc, String field) {
    Object value = doc.getFirstValue(ReviewSchema.field(field).solrName());
    return value == null ? null : value.toString();
  }

  private static Number number(SolrDocument doc, String field) {
    return (Number) doc.getFirstValue(ReviewSchema.field(field).solrName());
  }
}
