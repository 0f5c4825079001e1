package pullquote.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import pullquote.index.IndexSnapshot;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewDocuments;
import pullquote.index.ReviewFields;
import pullquote.index.ReviewSchema;
import pullquote.ingest.Review;
import pullquote.search.InvalidParameterException;
import pullquote.search.WorkTally;
import pullquote.sentiment.Sentiment;

/**
 * What profiles read from a generation: every review of one name (its folded exact term), and every
 * work's tally, counted in one pass over the doc values and kept with the generation.
 */
final class ProfileReads {

  /** A generation's tallies, as {@link IndexSnapshot#derived} keeps them. */
  record Tallies(Map<String, WorkTally> byWork) {}

  private ProfileReads() {}

  static List<Review> reviewsOf(IndexSnapshot snapshot, String field, String name, int limit) {
    ReviewSchema.Field named = ReviewSchema.field(field);
    if (named.kind() != ReviewSchema.Kind.NAME) {
      throw new InvalidParameterException(
          InvalidParameterException.INVALID_VALUE, "field", field + " is not a name");
    }
    try {
      IndexSearcher searcher = snapshot.searcher();
      TopDocs top =
          searcher.search(
              new TermQuery(new Term(named.exactField(), ReviewAnalyzers.exactName(name))), limit);
      List<Review> reviews = new ArrayList<>(top.scoreDocs.length);
      var stored = searcher.storedFields();
      for (ScoreDoc hit : top.scoreDocs) {
        reviews.add(ReviewDocuments.fromDocument(stored.document(hit.doc)));
      }
      return reviews;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The generation's tallies, counted when first asked for (the warmer asks first). */
  static Map<String, WorkTally> tallies(IndexSnapshot snapshot) {
    return snapshot.derived(Tallies.class, ProfileReads::count).byWork();
  }

  private static Tallies count(IndexSnapshot snapshot) {
    try {
      IndexReader reader = snapshot.searcher().getIndexReader();
      Map<String, WorkTally> byWork = new HashMap<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        countLeaf(leaf, byWork);
      }
      return new Tallies(Map.copyOf(byWork));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One segment's live reviews, by work ordinal first, then merged by title. */
  private static void countLeaf(LeafReaderContext leaf, Map<String, WorkTally> byWork)
      throws IOException {
    var reader = leaf.reader();
    SortedDocValues works = reader.getSortedDocValues(ReviewFields.WORK);
    if (works == null) {
      return;
    }
    SortedDocValues sentiments = reader.getSortedDocValues(ReviewFields.SENTIMENT);
    NumericDocValues scores = reader.getNumericDocValues(ReviewFields.SCORE);
    Bits live = reader.getLiveDocs();
    Sentiment[] byOrd = new Sentiment[sentiments == null ? 0 : sentiments.getValueCount()];
    for (int ord = 0; ord < byOrd.length; ord++) {
      byOrd[ord] =
          Sentiment.parse(sentiments.lookupOrd(ord).utf8ToString()).orElse(Sentiment.MIXED);
    }
    WorkTally[] tallies = new WorkTally[works.getValueCount()];
    for (int doc = works.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = works.nextDoc()) {
      if (live != null && !live.get(doc)) {
        continue;
      }
      Integer score = scores != null && scores.advanceExact(doc) ? (int) scores.longValue() : null;
      Sentiment sentiment =
          sentiments != null && sentiments.advanceExact(doc)
              ? byOrd[sentiments.ordValue()]
              : Sentiment.MIXED;
      int ord = works.ordValue();
      tallies[ord] = (tallies[ord] == null ? WorkTally.NONE : tallies[ord]).plus(score, sentiment);
    }
    for (int ord = 0; ord < tallies.length; ord++) {
      if (tallies[ord] != null) {
        String work = works.lookupOrd(ord).utf8ToString();
        WorkTally t = tallies[ord];
        byWork.merge(work, t, ProfileReads::sum);
      }
    }
  }

  private static WorkTally sum(WorkTally a, WorkTally b) {
    return new WorkTally(
        a.reviews() + b.reviews(),
        a.scored() + b.scored(),
        a.scoreSum() + b.scoreSum(),
        a.positive() + b.positive(),
        a.mixed() + b.mixed(),
        a.negative() + b.negative());
  }
}
