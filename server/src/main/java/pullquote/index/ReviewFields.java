package pullquote.index;

import java.util.List;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The names of the review index's fields, and how each is indexed; {@link ReviewSchema} is the
 * table of what each is for. No other main class spells a field name.
 *
 * <ul>
 *   <li>{@link #ID}: exact term, stored. Indexes written before {@link #ID_ORDER} existed also have
 *       it as sorted doc values, their tie-break.
 *   <li>{@link #ALIASES}: the ids of copies merged into the review, exact terms, stored.
 *   <li>{@link #ID_ORDER}: {@link #idOrder} as numeric doc values and a long point, the tie-break
 *       that keeps paging stable. On a query of filters alone it is the whole order, and the point
 *       lets Lucene skip the hits that cannot reach the page instead of comparing each.
 *   <li>{@link #TEXT}: English analysis with positions for phrases. No offsets: the highlighter
 *       analyses the few texts it shows again (indexes written with offsets still use them).
 *   <li>{@link #CRITIC}, {@link #PUBLICATION}, {@link #WORK}: stored display value, sorted doc
 *       values, a facet dimension; {@code *_exact} terms for filters; {@code *_words} analysed for
 *       field terms in the query box.
 *   <li>{@link #SENTIMENT}, {@link #SENTIMENT_SOURCE}: exact term, stored, doc values, facet.
 *   <li>{@link #SCORE}: int point + numeric doc values + stored; {@link #DATE}: epoch day,
 *       likewise; {@link #YEAR}: the date's year, likewise, for the year facet.
 * </ul>
 */
public final class ReviewFields {

  public static final String ID = "id";
  public static final String ID_ORDER = "id_order";
  public static final String ALIASES = "aliases";
  public static final String TEXT = "text";
  public static final String CRITIC = "critic";
  public static final String CRITIC_EXACT = "critic_exact";
  public static final String CRITIC_WORDS = "critic_words";
  public static final String PUBLICATION = "publication";
  public static final String PUBLICATION_EXACT = "publication_exact";
  public static final String PUBLICATION_WORDS = "publication_words";
  public static final String WORK = "work";
  public static final String WORK_EXACT = "work_exact";
  public static final String WORK_WORDS = "work_words";
  public static final String SENTIMENT = "sentiment";
  public static final String SENTIMENT_SOURCE = "sentiment_source";
  public static final String SENTIMENT_CONFIDENCE = "sentiment_confidence";
  public static final String SENTIMENT_EVIDENCE = "sentiment_evidence";
  public static final String SCORE = "score";
  public static final String SCORE_RAW = "score_raw";
  public static final String DATE = "date";
  public static final String YEAR = "year";
  public static final String SOURCE = "source";
  public static final String POSITION = "position";

  /**
   * Where a review sorts among reviews that tie on the sort value: a 64-bit hash of its id, the
   * same in every generation, so a cursor made on one generation continues on the next.
   */
  public static long idOrder(String id) {
    return StringHelper.murmurhash3_x64_128(new BytesRef(id))[0];
  }

  /**
   * The analysed name fields, in which the search box's plain words also match (below the text)
   * when the words as typed find few reviews.
   */
  public static final List<String> NAME_WORDS =
      ReviewSchema.ofKind(ReviewSchema.Kind.NAME).stream()
          .map(ReviewSchema.Field::wordsField)
          .toList();

  /**
   * Facet dimensions, each counted from its field's sorted doc values. Indexes written before
   * 2026-11-23 also carry Lucene's facet fields; nothing reads them now.
   */
  public static final List<String> FACET_DIMENSIONS =
      ReviewSchema.facets().stream().map(ReviewSchema.Field::name).toList();

  /**
   * Stored, tokenized, with frequencies and positions in the postings. With offsets there too, a
   * build took a quarter longer (200k reviews on 2 threads: 14.4 s against 11.5 s), to save
   * analysing again the few short texts a page highlights.
   */
  static final FieldType TEXT_TYPE = textType();

  private ReviewFields() {}

  private static FieldType textType() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    type.freeze();
    return type;
  }
}
