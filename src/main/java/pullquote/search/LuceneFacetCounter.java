package pullquote.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import pullquote.index.ReviewFields;
import pullquote.sentiment.Sentiment;

/**
 * Facet counts from Lucene's facet module, reading the facet doc values of every hit. Serves a
 * generation's first searches, until its {@link FacetOrdinals} are built; its helpers also read the
 * index's figures ({@code /api/stats}).
 */
final class LuceneFacetCounter implements FacetCounter<FacetsCollector> {

  static final int TOP_VALUES = 10;

  private final SortedSetDocValuesReaderState state;

  LuceneFacetCounter(SortedSetDocValuesReaderState state) {
    this.state = state;
  }

  @Override
  public CollectorManager<?, FacetsCollector> collecting(ReviewQueryBuilder.Built built) {
    return new FacetsCollectorManager();
  }

  @Override
  public Counted counted(
      FacetsCollector matched, IndexSearcher searcher, ReviewQueryBuilder.Built built)
      throws IOException {
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, matched);
    SortedSetDocValuesFacetCounts sentimentCounts = counts;
    if (built.withoutSentimentFilter() != built.query()) {
      FacetsCollector unfiltered =
          searcher.search(built.withoutSentimentFilter(), new FacetsCollectorManager());
      sentimentCounts = new SortedSetDocValuesFacetCounts(state, unfiltered);
    }
    long total = 0;
    for (FacetsCollector.MatchingDocs docs : matched.getMatchingDocs()) {
      total += docs.totalHits();
    }
    return new Counted(
        total,
        new FacetCounts(
            allValues(sentimentCounts, ReviewFields.SENTIMENT, Sentiment.values()),
            top(counts, ReviewFields.CRITIC),
            top(counts, ReviewFields.PUBLICATION),
            top(counts, ReviewFields.WORK)));
  }

  /** Counts for every value of a small dimension, zero for values no hit has. */
  static Map<String, Long> allValues(Facets counts, String dim, Enum<?>[] values)
      throws IOException {
    Map<String, Long> result = new LinkedHashMap<>();
    for (Enum<?> value : values) {
      result.put(value.name().toLowerCase(java.util.Locale.ROOT), 0L);
    }
    FacetResult found = children(counts, dim, values.length);
    if (found != null) {
      for (LabelAndValue lv : found.labelValues) {
        result.computeIfPresent(lv.label, (k, n) -> lv.value.longValue());
      }
    }
    return result;
  }

  private static List<FacetCounts.FacetValue> top(Facets counts, String dim) throws IOException {
    List<FacetCounts.FacetValue> values = new ArrayList<>();
    FacetResult result = children(counts, dim, TOP_VALUES);
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        values.add(new FacetCounts.FacetValue(lv.label, lv.value.longValue()));
      }
    }
    return values;
  }

  /**
   * The dimension's top values, or null when no document has it: Lucene throws for a dimension it
   * has never seen, which an empty or small index may not have.
   */
  static FacetResult children(Facets counts, String dim, int n) throws IOException {
    try {
      return counts.getTopChildren(n, dim);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
