package pullquote.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.LongHeap;
import org.apache.lucene.util.packed.PackedInts;
import pullquote.index.IndexSnapshot;
import pullquote.index.ReviewFields;
import pullquote.index.ReviewSchema;
import pullquote.search.FacetCounts;
import pullquote.sentiment.Sentiment;

/**
 * Each review's values in the facets the page shows, packed side by side into one number per review
 * and built once per index generation from each dimension's sorted doc values. Counting a hit is
 * then one read and a few shifts. Decoding Lucene's facet doc values for every hit instead doubled
 * the time of a broad search (1M reviews, one word: p99 26 ms with facets, 13.6 without). The
 * numbers take as many bits as the dimensions' value counts need, in whole bytes: 38 bits, so 5
 * bytes, on the 1M benchmark corpus (4,545 critics, 1,812 publications, 2,258 works), 5 MB per
 * million reviews.
 */
final class FacetOrdinals implements FacetCounter<FacetOrdinals.Tally> {

  /**
   * The dimensions counted, as the schema lists its search facets: the sentiment (every value, and
   * without its own filter) first, then the names.
   */
  private static final List<String> DIMENSIONS =
      ReviewSchema.searchFacets().stream().map(ReviewSchema.Field::name).toList();

  private static final int SENTIMENT = DIMENSIONS.indexOf(ReviewFields.SENTIMENT);

  static {
    // The packed counting below reads the sentiment from slot 0 and the names after it.
    if (SENTIMENT != 0
        || ReviewSchema.searchFacets().stream()
            .skip(1)
            .anyMatch(f -> f.facet() != ReviewSchema.Facet.TOP_VALUES)) {
      throw new IllegalStateException("the schema's search facets are not sentiment, then names");
    }
  }

  /**
   * Per review, for each dimension at {@link #shift}, its value's index in {@link #labels} plus
   * one, or 0 for none.
   */
  private final ByteWidthValues packed;

  private final int[] shift;
  private final long[] mask;

  /** [dimension][value]: the value's text, in Lucene's ordinal (byte) order. */
  private final String[][] labels;

  private FacetOrdinals(ByteWidthValues packed, int[] shift, long[] mask, String[][] labels) {
    this.packed = packed;
    this.shift = shift;
    this.mask = mask;
    this.labels = labels;
  }

  /** Builds the generation's counter, once; the warmer calls this before requests need it. */
  static void buildFor(IndexSnapshot snapshot) {
    snapshot.derived(FacetCounter.class, FacetOrdinals::forGenerationUnchecked);
  }

  /**
   * The generation's counter once built; until then (the first seconds after start-up, until the
   * first generation is warmed), or if its background build failed, Lucene's facet module, which
   * needs nothing built.
   */
  static FacetCounter<?> counterFor(IndexSnapshot snapshot) {
    Optional<FacetCounter> built = snapshot.derivedIfReady(FacetCounter.class);
    return built.isPresent() ? built.get() : new LuceneFacetCounter(snapshot::facetState);
  }

  private static FacetCounter<?> forGenerationUnchecked(IndexSnapshot snapshot) {
    try {
      return forGeneration(snapshot);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The generation's counter: its packed values, or Lucene's facet module where the dimensions'
   * values are too many to pack into 64 bits (over a million values in each).
   */
  static FacetCounter<?> forGeneration(IndexSnapshot snapshot) throws IOException {
    IndexReader reader = snapshot.searcher().getIndexReader();
    int dimensions = DIMENSIONS.size();
    // each dimension across segments, by global ordinal (in byte order, as Lucene's facets use)
    SortedDocValues[] values = new SortedDocValues[dimensions];
    String[][] labels = new String[dimensions][];
    int[] shift = new int[dimensions];
    long[] mask = new long[dimensions];
    int bits = 0;
    for (int d = 0; d < dimensions; d++) {
      // null when no review has the dimension (an empty index)
      values[d] = MultiDocValues.getSortedValues(reader, DIMENSIONS.get(d));
      labels[d] = values[d] == null ? new String[0] : labels(values[d]);
      int width = PackedInts.unsignedBitsRequired(labels[d].length);
      shift[d] = bits;
      mask[d] = (1L << width) - 1;
      bits += width;
    }
    if (bits > 64) {
      return new LuceneFacetCounter(snapshot::facetState);
    }
    var packed = new ByteWidthValues(reader.maxDoc(), bits);
    for (int d = 0; d < dimensions; d++) {
      if (values[d] == null) {
        continue;
      }
      for (int doc = values[d].nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = values[d].nextDoc()) {
        packed.set(doc, packed.get(doc) | (values[d].ordValue() + 1L) << shift[d]);
      }
    }
    return new FacetOrdinals(packed, shift, mask, labels);
  }

  private static String[] labels(SortedDocValues values) throws IOException {
    String[] labels = new String[values.getValueCount()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = values.lookupOrd(i).utf8ToString();
    }
    return labels;
  }

  @Override
  public CollectorManager<?, Tally> collecting(ReviewQueryBuilder.Built built) {
    // with a sentiment filter, its facet is counted over another query, in counted()
    return new Counting(built.sentimentFiltered() ? SENTIMENT + 1 : SENTIMENT, DIMENSIONS.size());
  }

  @Override
  public Counted counted(Tally hits, IndexSearcher searcher, ReviewQueryBuilder.Built built)
      throws IOException {
    Tally unfiltered =
        built.sentimentFiltered()
            ? searcher.search(
                built.withoutSentimentFilter(), new Counting(SENTIMENT, SENTIMENT + 1))
            : hits;
    Map<String, Long> sentiment = new LinkedHashMap<>();
    for (Sentiment value : Sentiment.values()) {
      sentiment.put(value.key(), 0L);
    }
    int[] counts = unfiltered.counts[SENTIMENT];
    for (int v = 1; v < counts.length; v++) {
      sentiment.replace(labels[SENTIMENT][v - 1], (long) counts[v]);
    }
    Map<String, List<FacetCounts.FacetValue>> names = new LinkedHashMap<>();
    for (int d = SENTIMENT + 1; d < DIMENSIONS.size(); d++) {
      names.put(DIMENSIONS.get(d), top(hits, d));
    }
    return new Counted(
        hits.total, new FacetCounts(Map.of(ReviewFields.SENTIMENT, sentiment), names));
  }

  /** The dimension's most frequent values, ties in ordinal order as Lucene's facets give them. */
  private List<FacetCounts.FacetValue> top(Tally tally, int dimension) {
    int[] counts = tally.counts[dimension];
    // count above, value below, inverted so the lower value wins a tie: no object per value
    LongHeap queue = new LongHeap(LuceneFacetCounter.TOP_VALUES);
    for (int v = 1; v < counts.length; v++) {
      if (counts[v] > 0) {
        queue.insertWithOverflow((long) counts[v] << 32 | (Integer.MAX_VALUE - v));
      }
    }
    List<FacetCounts.FacetValue> top = new ArrayList<>(queue.size());
    while (queue.size() > 0) {
      long entry = queue.pop();
      int v = Integer.MAX_VALUE - (int) entry;
      top.addFirst(new FacetCounts.FacetValue(labels[dimension][v - 1], entry >>> 32));
    }
    return top;
  }

  /**
   * Hits counted, and for each dimension counted, hits per packed value: slot 0 counts the hits
   * without the dimension, so counting needs no test.
   */
  static final class Tally {
    long total;
    final int[][] counts;

    Tally(String[][] labels, int from, int to) {
      counts = new int[DIMENSIONS.size()][];
      for (int d = 0; d < counts.length; d++) {
        counts[d] = new int[d >= from && d < to ? labels[d].length + 1 : 0];
      }
    }

    void add(Tally other) {
      total += other.total;
      for (int d = 0; d < counts.length; d++) {
        for (int v = 0; v < counts[d].length; v++) {
          counts[d][v] += other.counts[d][v];
        }
      }
    }
  }

  /** Counts the dimensions from {@code from} (inclusive) to {@code to} (exclusive). */
  private final class Counting implements CollectorManager<Counting.Collector, Tally> {
    private final int from;
    private final int to;

    Counting(int from, int to) {
      this.from = from;
      this.to = to;
    }

    @Override
    public Collector newCollector() {
      return new Collector(new Tally(labels, from, to));
    }

    @Override
    public Tally reduce(Collection<Collector> collectors) {
      Tally sum = new Tally(labels, from, to);
      for (Collector collector : collectors) {
        sum.add(collector.tally);
      }
      return sum;
    }

    private final class Collector extends SimpleCollector {
      final Tally tally;
      private int docBase;

      Collector(Tally tally) {
        this.tally = tally;
      }

      @Override
      protected void doSetNextReader(LeafReaderContext context) {
        docBase = context.docBase;
      }

      @Override
      public void collect(int doc) {
        long review = packed.get(docBase + doc);
        int[][] counts = tally.counts;
        for (int d = from; d < to; d++) {
          counts[d][(int) ((review >>> shift[d]) & mask[d])]++;
        }
        tally.total++;
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    }
  }
}
