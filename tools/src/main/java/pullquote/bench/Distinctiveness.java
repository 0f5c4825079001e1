package pullquote.bench;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.QueryBuilder;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;

/**
 * Whether a quote points at one review: as an exact phrase it occurs only in reviews with that
 * review's text (copies of it from other source collections).
 */
final class Distinctiveness {

  /** More copies of one text than this are taken for boilerplate, not a review. */
  private static final int MAX_COPIES = 16;

  private final IndexSearcher searcher;
  private final QueryBuilder phrases = new QueryBuilder(ReviewAnalyzers.forPhrases());

  Distinctiveness(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  boolean isDistinctive(List<String> quote, Hit review) throws IOException {
    Query phrase = phrases.createPhraseQuery(ReviewFields.TEXT, String.join(" ", quote));
    if (phrase == null) {
      return false;
    }
    TopDocs found =
        searcher.search(phrase, new TopScoreDocCollectorManager(MAX_COPIES, Integer.MAX_VALUE));
    if (found.totalHits.value() == 0 || found.totalHits.value() > MAX_COPIES) {
      return false;
    }
    var stored = searcher.storedFields();
    for (ScoreDoc hit : found.scoreDocs) {
      if (!review.text().equals(stored.document(hit.doc).get(ReviewFields.TEXT))) {
        return false;
      }
    }
    return true;
  }
}
