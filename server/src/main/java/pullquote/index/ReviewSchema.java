package pullquote.index;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import pullquote.ingest.Review;

/**
 * The one table of a review's fields: how each is indexed and stored, whether it is faceted or
 * sorted on, what it is called in the search box and in the API, and (through its {@link Kind}) how
 * it maps to Solr. Lucene documents ({@link ReviewDocuments}), the box's field terms, the API's
 * filter parameters, the facet dimensions and the Solr configset all read it.
 */
public final class ReviewSchema {

  /** How a field is indexed; each kind is one shape in Lucene and one in Solr. */
  public enum Kind {
    /** The review's id: one exact term, stored; Solr's unique key. */
    KEY,
    /**
     * Other ids of the review (copies merged into it at ingest): exact terms, stored, several per
     * review, so a review is found by any id it was read under.
     */
    ALIAS,
    /** A 64-bit number kept for sorting only (numeric doc values and a point), not stored. */
    ORDER,
    /** English prose: the written word and its stem at one position, stored, with positions. */
    TEXT,
    /**
     * A name, stored as written and in sorted doc values (facets, sorting); also as {@code
     * NAME_exact}, one folded term for filters, and {@code NAME_words}, analysed for field terms in
     * the box.
     */
    NAME,
    /** One of a few labels: exact term, stored, sorted doc values. */
    LABEL,
    /** A whole number: point (ranges), numeric doc values (sorting), stored. */
    INT,
    /** A day, as days since 1970-01-01: point, numeric doc values, stored. */
    DAY,
    /**
     * Text shown with a review and never searched: stored only; {@link Field#multiValued} may hold
     * several.
     */
    STORED_TEXT,
    /** A whole number shown with a review and never searched: stored only. */
    STORED_INT,
    /** A fraction shown with a review and never searched: stored only. */
    STORED_DOUBLE
  }

  /** Whether and how a field's values are counted. */
  public enum Facet {
    NONE,
    /** Counted for every search, every value (a handful), ignoring the field's own filter. */
    ALL_VALUES,
    /** Counted for every search, the most frequent values among the hits. */
    TOP_VALUES,
    /** Counted over the whole index for {@code /api/stats} only. */
    STATS_ONLY,
    /**
     * A 0–100 number counted for every search in ten buckets, named by their lower bound ("0" for
     * 0–9 … "90" for 90–100), every bucket listed, ignoring the field's own range filter.
     */
    TENS,
    /**
     * A year counted for every search, the years the hits have in order, ignoring the date filter
     * (the year is the date's, so a chart of years can widen the date range it shows).
     */
    YEARS
  }

  /**
   * One field.
   *
   * @param name the field's name in the index (Lucene and Solr) and in a review's JSON
   * @param boxPrefix what a search-box field term calls it ({@code critic:ebert}), or null
   * @param filterParameters the API's filter parameters on it: one, repeatable, for a name or label
   *     (any value matches); two, the lower and upper bound, for a number or day
   * @param sortKey what {@code sort=} calls it, or null when hits cannot be sorted on it
   * @param value the review's value for it, or null when the review has none
   * @param solrName its name in the Solr collection: the same, except where Solr reserves it
   */
  public record Field(
      String name,
      Kind kind,
      Facet facet,
      boolean multiValued,
      String boxPrefix,
      List<String> filterParameters,
      String sortKey,
      Function<Review, Object> value,
      String solrName) {

    public Field {
      solrName = solrName == null ? name : solrName;
      filterParameters = List.copyOf(filterParameters);
      if (name == null || name.isBlank() || kind == null || facet == null || value == null) {
        throw new IllegalArgumentException("a field needs a name, a kind, a facet and a value");
      }
      boolean range = kind == Kind.INT || kind == Kind.DAY;
      if (!filterParameters.isEmpty() && filterParameters.size() != (range ? 2 : 1)) {
        throw new IllegalArgumentException(name + ": a range has two bounds, a value filter one");
      }
      if (multiValued && kind != Kind.STORED_TEXT && kind != Kind.ALIAS) {
        throw new IllegalArgumentException(name + ": only stored text and aliases hold several");
      }
    }

    /** True when a filter parameter on this field may be given several times (any matches). */
    public boolean repeatableFilter() {
      return kind == Kind.NAME || kind == Kind.LABEL;
    }

    /** For a name: the folded exact term's field. */
    public String exactField() {
      return requireName() + "_exact";
    }

    /** For a name: the analysed field that box terms and plain words match. */
    public String wordsField() {
      return requireName() + "_words";
    }

    private String requireName() {
      if (kind != Kind.NAME) {
        throw new IllegalStateException(name + " is not a name");
      }
      return name;
    }
  }

  /** Every field, in the order a review's facets are listed. */
  public static final List<Field> FIELDS =
      List.of(
          new Field(
              ReviewFields.ID,
              Kind.KEY,
              Facet.NONE,
              false,
              null,
              List.of(),
              null,
              Review::id,
              null),
          new Field(
              ReviewFields.ALIASES,
              Kind.ALIAS,
              Facet.NONE,
              true,
              null,
              List.of(),
              null,
              Review::aliases,
              null),
          new Field(
              ReviewFields.ID_ORDER,
              Kind.ORDER,
              Facet.NONE,
              false,
              null,
              List.of(),
              null,
              r -> ReviewFields.idOrder(r.id()),
              null),
          new Field(
              ReviewFields.TEXT,
              Kind.TEXT,
              Facet.NONE,
              false,
              null,
              List.of(),
              null,
              Review::text,
              null),
          new Field(
              ReviewFields.SENTIMENT,
              Kind.LABEL,
              Facet.ALL_VALUES,
              false,
              "sentiment",
              List.of("sentiment"),
              null,
              r -> r.sentiment().key(),
              null),
          name(ReviewFields.CRITIC, Review::critic),
          name(ReviewFields.PUBLICATION, Review::publication),
          name(ReviewFields.WORK, Review::work),
          new Field(
              ReviewFields.SENTIMENT_SOURCE,
              Kind.LABEL,
              Facet.STATS_ONLY,
              false,
              null,
              List.of(),
              null,
              r -> r.sentimentSource().key(),
              null),
          stored(
              ReviewFields.SENTIMENT_CONFIDENCE, Kind.STORED_DOUBLE, Review::sentimentConfidence),
          new Field(
              ReviewFields.SENTIMENT_EVIDENCE,
              Kind.STORED_TEXT,
              Facet.NONE,
              true,
              null,
              List.of(),
              null,
              Review::sentimentEvidence,
              null),
          new Field(
              ReviewFields.SCORE,
              Kind.INT,
              Facet.TENS,
              false,
              null,
              List.of("min_score", "max_score"),
              "score",
              Review::score,
              "review_score"),
          stored(ReviewFields.SCORE_RAW, Kind.STORED_TEXT, Review::scoreRaw),
          new Field(
              ReviewFields.DATE,
              Kind.DAY,
              Facet.NONE,
              false,
              null,
              List.of("from", "to"),
              "date",
              r -> r.date() == null ? null : r.date().toEpochDay(),
              null),
          new Field(
              ReviewFields.YEAR,
              Kind.INT,
              Facet.YEARS,
              false,
              null,
              List.of(),
              null,
              r -> r.date() == null ? null : r.date().getYear(),
              null),
          stored(ReviewFields.SOURCE, Kind.STORED_TEXT, Review::source),
          stored(ReviewFields.POSITION, Kind.STORED_INT, Review::position));

  private ReviewSchema() {}

  /** A name faceted by its top values, filtered and typed in the box under its own name. */
  private static Field name(String name, Function<Review, Object> value) {
    return new Field(
        name, Kind.NAME, Facet.TOP_VALUES, false, name, List.of(name), null, value, null);
  }

  private static Field stored(String name, Kind kind, Function<Review, Object> value) {
    return new Field(name, kind, Facet.NONE, false, null, List.of(), null, value, null);
  }

  public static Field field(String name) {
    return FIELDS.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no field " + name));
  }

  /** The fields of a kind, in table order. */
  public static List<Field> ofKind(Kind kind) {
    return FIELDS.stream().filter(f -> f.kind() == kind).toList();
  }

  /** The fields counted beside every search's hits, in the order the answer lists them. */
  public static List<Field> searchFacets() {
    return FIELDS.stream()
        .filter(f -> f.facet() != Facet.NONE && f.facet() != Facet.STATS_ONLY)
        .toList();
  }

  /**
   * The faceted fields counted by their values' text (labels and names): those of {@link
   * #searchFacets} but the numbers, and those counted for stats.
   */
  public static List<Field> facets() {
    return FIELDS.stream()
        .filter(
            f ->
                f.facet() == Facet.ALL_VALUES
                    || f.facet() == Facet.TOP_VALUES
                    || f.facet() == Facet.STATS_ONLY)
        .toList();
  }

  /** True for a facet that lists every value (or bucket) with its count, zero or not. */
  public static boolean countsEveryValue(Field field) {
    return field.facet() == Facet.ALL_VALUES
        || field.facet() == Facet.TENS
        || field.facet() == Facet.YEARS;
  }

  /** The field a search-box prefix ({@code critic:}) names. */
  public static Optional<Field> byBoxPrefix(String prefix) {
    return FIELDS.stream().filter(f -> prefix.equals(f.boxPrefix())).findFirst();
  }

  /** The field {@code sort=} names. */
  public static Optional<Field> bySortKey(String key) {
    return FIELDS.stream().filter(f -> key.equals(f.sortKey())).findFirst();
  }

  /** Every filter parameter the API takes, as the table names them. */
  public static List<String> filterParameters() {
    return FIELDS.stream().flatMap(f -> f.filterParameters().stream()).toList();
  }
}
