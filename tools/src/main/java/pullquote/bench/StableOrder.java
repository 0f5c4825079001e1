package pullquote.bench;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.util.Bits;
import pullquote.index.ReviewFields;

/**
 * The live reviews of an index in an order that depends on their ids alone, not on where the
 * indexer's threads happened to put them: so the benchmarks draw the same queries from every build
 * of the same corpus, not only from one index.
 */
final class StableOrder {

  private StableOrder() {}

  /**
   * @return the live documents' ids, ordered by {@link ReviewFields#ID_ORDER} (the hash of the
   *     review id) and then by document; in document order for an index without it
   */
  static int[] liveDocs(IndexReader reader) throws IOException {
    long[] keyed = new long[reader.numDocs()];
    int[] docs = new int[keyed.length];
    int n = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues order = leaf.reader().getNumericDocValues(ReviewFields.ID_ORDER);
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        keyed[n] = order != null && order.advanceExact(doc) ? order.longValue() : 0L;
        docs[n++] = leaf.docBase + doc;
      }
    }
    Integer[] byKey = new Integer[n];
    Arrays.setAll(byKey, i -> i);
    long[] keys = keyed;
    Arrays.sort(byKey, (a, b) -> a.equals(b) ? 0 : compare(keys, docs, a, b));
    return Arrays.stream(byKey).mapToInt(i -> docs[i]).toArray();
  }

  private static int compare(long[] keys, int[] docs, int a, int b) {
    int byKey = Long.compare(keys[a], keys[b]);
    return byKey != 0 ? byKey : Integer.compare(docs[a], docs[b]);
  }
}
