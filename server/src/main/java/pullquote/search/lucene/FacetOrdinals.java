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
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.LongHeap;
import org.apache.lucene.util.packed.PackedInts;
import pullquote.index.IndexSnapshot;
import pullquote.index.ReviewSchema;
import pullquote.search.FacetCounts;
import pullquote.sentiment.Sentiment;

/**
 * Each review's values in the facets the page shows, packed side by side into one number per review
 * and built once per index generation from each dimension's doc values ({@link DimensionValues}).
 * Counting a hit is then one read and a few shifts. Decoding Lucene's facet doc values for every
 * hit instead doubled the time of a broad search (1M reviews, one word: p99 26 ms with facets, 13.6
 * without). The numbers take as many bits as the dimensions' value counts need, in whole bytes: 38
 * bits for the sentiment and names on the 1M benchmark corpus (4,545 critics, 1,812 publications,
 * 2,258 works), and 4 for the score's ten buckets and about 7 for its years: 7 bytes, 7 MB per
 * million reviews.
 */
final class FacetOrdinals implements FacetCounter<FacetOrdinals.Tally> {

  /**
   * The dimensions counted, as the schema lists its search facets: the sentiment, the names, the
   * score in tens and the year.
   */
  private static final List<ReviewSchema.Field> DIMENSIONS = ReviewSchema.searchFacets();

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
    DimensionValues[] values = new DimensionValues[dimensions];
    String[][] labels = new String[dimensions][];
    int[] shift = new int[dimensions];
    long[] mask = new long[dimensions];
    int bits = 0;
    for (int d = 0; d < dimensions; d++) {
      values[d] = DimensionValues.of(reader, DIMENSIONS.get(d));
      labels[d] = values[d].labels();
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
      values[d].pack(packed, shift[d]);
    }
    return new FacetOrdinals(packed, shift, mask, labels);
  }

  @Override
  public CollectorManager<?, Tally> collecting(ReviewQueryBuilder.Built built) {
    // a dimension with a filter of its own is counted over another query, in counted()
    List<Integer> counted = new ArrayList<>();
    for (int d = 0; d < DIMENSIONS.size(); d++) {
      if (!built.withoutOwnFilter().containsKey(DIMENSIONS.get(d).name())) {
        counted.add(d);
      }
    }
    return new Counting(counted);
  }

  @Override
  public Counted counted(Tally hits, IndexSearcher searcher, ReviewQueryBuilder.Built built)
      throws IOException {
    Map<String, Map<String, Long>> every = new LinkedHashMap<>();
    Map<String, List<FacetCounts.FacetValue>> names = new LinkedHashMap<>();
    for (int d = 0; d < DIMENSIONS.size(); d++) {
      ReviewSchema.Field field = DIMENSIONS.get(d);
      if (!ReviewSchema.countsEveryValue(field)) {
        names.put(field.name(), top(hits, d));
        continue;
      }
      Query without = built.withoutOwnFilter().get(field.name());
      Tally tally = without == null ? hits : searcher.search(without, new Counting(List.of(d)));
      every.put(field.name(), everyValue(tally, d));
    }
    return new Counted(hits.total, new FacetCounts(every, names));
  }

  /**
   * Every value of a dimension that lists them: every sentiment class and every score bucket, zero
   * or not, in their own order; the years the hits have, in order.
   */
  private Map<String, Long> everyValue(Tally tally, int dimension) {
    ReviewSchema.Field field = DIMENSIONS.get(dimension);
    Map<String, Long> counts = new LinkedHashMap<>();
    int[] tallied = tally.counts[dimension];
    if (field.facet() == ReviewSchema.Facet.ALL_VALUES) {
      for (Sentiment value : Sentiment.values()) {
        counts.put(value.key(), 0L);
      }
      for (int v = 1; v < tallied.length; v++) {
        counts.replace(labels[dimension][v - 1], (long) tallied[v]);
      }
      return counts;
    }
    for (int v = 1; v < tallied.length; v++) {
      if (tallied[v] > 0 || field.facet() == ReviewSchema.Facet.TENS) {
        counts.put(labels[dimension][v - 1], (long) tallied[v]);
      }
    }
    return counts;
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

    Tally(String[][] labels, int[] dimensions) {
      counts = new int[DIMENSIONS.size()][0];
      for (int d : dimensions) {
        counts[d] = new int[labels[d].length + 1];
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

  /** Counts the dimensions given, by their place in {@link #DIMENSIONS}. */
  private final class Counting implements CollectorManager<Counting.Collector, Tally> {
    private final int[] dimensions;

    Counting(List<Integer> dimensions) {
      this.dimensions = dimensions.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Collector newCollector() {
      return new Collector(new Tally(labels, dimensions));
    }

    @Override
    public Tally reduce(Collection<Collector> collectors) {
      Tally sum = new Tally(labels, dimensions);
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
        for (int d : dimensions) {
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
