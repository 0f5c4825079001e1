package pullquote.search.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.TreeSet;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import pullquote.index.ReviewSchema;

/**
 * One facet dimension's value for every review, as {@link FacetOrdinals} packs it: the value's
 * index in {@link #labels} plus one, 0 for none. Read once per index generation.
 */
abstract sealed class DimensionValues {

  static DimensionValues of(IndexReader reader, ReviewSchema.Field field) throws IOException {
    return switch (field.facet()) {
      case TENS -> new Tens(reader, field.name());
      case YEARS -> Years.read(reader, field.name());
      default -> new Sorted(reader, field.name());
    };
  }

  /** The values' texts, in the order the facet lists them. */
  abstract String[] labels();

  /** Adds each review's value, shifted, to its packed number. */
  abstract void pack(ByteWidthValues packed, int shift) throws IOException;

  /** Packs each review's number as its value's index, as {@code index} finds it, plus one. */
  private static void packNumbers(
      IndexReader reader,
      String field,
      java.util.function.LongUnaryOperator index,
      ByteWidthValues packed,
      int shift)
      throws IOException {
    NumericDocValues values = MultiDocValues.getNumericValues(reader, field);
    if (values == null) {
      return;
    }
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      packed.set(doc, packed.get(doc) | (index.applyAsLong(values.longValue()) + 1) << shift);
    }
  }

  /** A label or a name, from its sorted doc values, in Lucene's ordinal (byte) order. */
  private static final class Sorted extends DimensionValues {
    private final SortedDocValues values; // null when no review has the field (an empty index)
    private final String[] labels;

    Sorted(IndexReader reader, String field) throws IOException {
      values = MultiDocValues.getSortedValues(reader, field);
      labels = new String[values == null ? 0 : values.getValueCount()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = values.lookupOrd(i).utf8ToString();
      }
    }

    @Override
    String[] labels() {
      return labels;
    }

    @Override
    void pack(ByteWidthValues packed, int shift) throws IOException {
      if (values == null) {
        return;
      }
      for (int doc = values.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        packed.set(doc, packed.get(doc) | (values.ordValue() + 1L) << shift);
      }
    }
  }

  /** A 0–100 number in ten buckets: 0–9 … 80–89, then 90–100. */
  private static final class Tens extends DimensionValues {
    private static final String[] LABELS = {
      "0", "10", "20", "30", "40", "50", "60", "70", "80", "90"
    };

    private final IndexReader reader;
    private final String field;

    Tens(IndexReader reader, String field) {
      this.reader = reader;
      this.field = field;
    }

    @Override
    String[] labels() {
      return LABELS;
    }

    @Override
    void pack(ByteWidthValues packed, int shift) throws IOException {
      packNumbers(
          reader,
          field,
          value -> Math.min(Math.max(value, 0) / 10, LABELS.length - 1),
          packed,
          shift);
    }
  }

  /** A year: every year the index has, in order (none in an index written before years were). */
  private static final class Years extends DimensionValues {
    private final IndexReader reader;
    private final String field;
    private final long[] years;

    private Years(IndexReader reader, String field, long[] years) {
      this.reader = reader;
      this.field = field;
      this.years = years;
    }

    static Years read(IndexReader reader, String field) throws IOException {
      TreeSet<Long> years = new TreeSet<>();
      NumericDocValues values = MultiDocValues.getNumericValues(reader, field);
      if (values != null) {
        for (int doc = values.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = values.nextDoc()) {
          years.add(values.longValue());
        }
      }
      return new Years(reader, field, years.stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    String[] labels() {
      return Arrays.stream(years).mapToObj(Long::toString).toArray(String[]::new);
    }

    @Override
    void pack(ByteWidthValues packed, int shift) throws IOException {
      packNumbers(reader, field, value -> Arrays.binarySearch(years, value), packed, shift);
    }
  }
}
