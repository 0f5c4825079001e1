package pullquote.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import pullquote.index.ReviewSchema;
import pullquote.search.FacetCounts;
import pullquote.sentiment.Sentiment;

/**
 * Facet counts from Lucene's facet module, reading each dimension's sorted doc values for every hit
 * ({@link StringValueFacetCounts}, one pass per dimension). Serves a generation's searches until
 * its {@link FacetOrdinals} are built, and for good if they cannot be (values past 64 bits, a
 * failed build); it also counts the index's figures ({@code /api/stats}).
 */
final class LuceneFacetCounter implements FacetCounter<FacetsCollector> {

  static final int TOP_VALUES = 10;

  /** The last year a date can have (LocalDate allows more; a review's never does). */
  private static final int MAX_YEAR = 9999;

  private final Function<String, StringDocValuesReaderState> states;

  /**
   * @param states each facet dimension's state, by field name
   */
  LuceneFacetCounter(Function<String, StringDocValuesReaderState> states) {
    this.states = states;
  }

  @Override
  public CollectorManager<?, FacetsCollector> collecting(ReviewQueryBuilder.Built built) {
    return new FacetsCollectorManager();
  }

  @Override
  public Counted counted(
      FacetsCollector matched, IndexSearcher searcher, ReviewQueryBuilder.Built built)
      throws IOException {
    long total = 0;
    for (FacetsCollector.MatchingDocs docs : matched.getMatchingDocs()) {
      total += docs.totalHits();
    }
    Map<String, Map<String, Long>> every = new LinkedHashMap<>();
    Map<String, List<FacetCounts.FacetValue>> names = new LinkedHashMap<>();
    for (ReviewSchema.Field field : ReviewSchema.searchFacets()) {
      if (!ReviewSchema.countsEveryValue(field)) {
        names.put(field.name(), top(field.name(), matched));
        continue;
      }
      Query without = built.withoutOwnFilter().get(field.name());
      FacetsCollector hits =
          without == null ? matched : searcher.search(without, new FacetsCollectorManager());
      every.put(
          field.name(),
          field.facet() == ReviewSchema.Facet.ALL_VALUES
              ? allValues(field.name(), hits, Sentiment.keys())
              : numbers(field, hits));
    }
    return new Counted(total, new FacetCounts(every, names));
  }

  /**
   * A number's counts over the hits: in tens (every bucket) or by year (those the hits have). Into
   * an array, not a map: this counter serves every search until a generation's packed values are
   * built, and a broad one has hundreds of thousands of hits.
   */
  private static Map<String, Long> numbers(ReviewSchema.Field field, FacetsCollector hits)
      throws IOException {
    boolean tens = field.facet() == ReviewSchema.Facet.TENS;
    long[] counts = new long[tens ? 10 : MAX_YEAR + 1];
    for (FacetsCollector.MatchingDocs docs : hits.getMatchingDocs()) {
      NumericDocValues values = docs.context().reader().getNumericDocValues(field.name());
      if (values == null || docs.bits() == null) {
        continue;
      }
      DocIdSetIterator it = docs.bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (values.advanceExact(doc)) {
          long value = values.longValue();
          counts[
              (int)
                  (tens ? Math.min(Math.max(value, 0) / 10, 9) : Math.clamp(value, 0, MAX_YEAR))]++;
        }
      }
    }
    Map<String, Long> labelled = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      if (tens || counts[i] > 0) {
        labelled.put(Integer.toString(tens ? i * 10 : i), counts[i]);
      }
    }
    return labelled;
  }

  /**
   * Counts over the hits (every review when {@code hits} is null) for every value of a small
   * dimension, zero for values no hit has.
   */
  Map<String, Long> allValues(String dimension, FacetsCollector hits, List<String> keys)
      throws IOException {
    Map<String, Long> result = new LinkedHashMap<>();
    for (String key : keys) {
      result.put(key, 0L);
    }
    for (LabelAndValue lv : children(dimension, hits, keys.size()).labelValues) {
      result.computeIfPresent(lv.label, (k, n) -> lv.value.longValue());
    }
    return result;
  }

  private List<FacetCounts.FacetValue> top(String dimension, FacetsCollector hits)
      throws IOException {
    List<FacetCounts.FacetValue> values = new ArrayList<>();
    for (LabelAndValue lv : children(dimension, hits, TOP_VALUES).labelValues) {
      values.add(new FacetCounts.FacetValue(lv.label, lv.value.longValue()));
    }
    return values;
  }

  /**
   * The dimension's {@code n} most frequent values over the hits (every review when {@code hits} is
   * null), ties in ordinal order, with the number of distinct values counted.
   */
  FacetResult children(String dimension, FacetsCollector hits, int n) throws IOException {
    StringDocValuesReaderState state = states.apply(dimension);
    StringValueFacetCounts counts =
        hits == null ? new StringValueFacetCounts(state) : new StringValueFacetCounts(state, hits);
    return counts.getTopChildren(n, dimension);
  }
}
