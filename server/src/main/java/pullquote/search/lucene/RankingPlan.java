package pullquote.search.lucene;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import pullquote.index.ReviewFields;

/**
 * Whether a search ranks its page in a pass of its own, skipping what cannot reach the page, and
 * counts its hits in another that does not score; or ranks and counts every hit in one pass.
 *
 * <p>Measured on 1M reviews: for one word or words joined by OR, ranking skips most hits and a pass
 * that does not score is cheap (one word with facets, p99 23.9 ms in one pass, 9.4 in two); when
 * every hit must meet several conditions (words ANDed, a phrase, a filter), finding a hit is most
 * of the cost and a second pass repeats it (a phrase with facets, p99 7.6 ms in one pass, 12.1 in
 * two).
 */
final class RankingPlan {

  private RankingPlan() {}

  /** True for a single word, or words any of which may match, with nothing else required. */
  static boolean skipsWell(Query query) {
    return switch (query) {
      // Words of the text only: a term of a field without lengths (sentiment:positive typed in the
      // box) scores every hit alike, and hits that tie with the page's last cannot be skipped.
      case TermQuery term -> term.getTerm().field().equals(ReviewFields.TEXT);
      case SynonymQuery word -> word.getField().equals(ReviewFields.TEXT); // a word and its stem
      case BoostQuery boosted -> skipsWell(boosted.getQuery());
      case BooleanQuery bool when bool.getMinimumNumberShouldMatch() == 0 -> skipsWell(bool);
      default -> false;
    };
  }

  private static boolean skipsWell(BooleanQuery bool) {
    var clauses = bool.clauses();
    if (clauses.size() == 1 && clauses.getFirst().occur() == BooleanClause.Occur.MUST) {
      return skipsWell(clauses.getFirst().query()); // the search box alone, with no filter
    }
    // Any of them may match: words of the text, or a word in the text or (weighted below it) in
    // names; a name alone ties every hit, so one word of the text at least must decide the page.
    return !clauses.isEmpty()
        && clauses.stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)
        && clauses.stream().allMatch(c -> skipsWell(c.query()) || isNameWord(c.query()))
        && clauses.stream().anyMatch(c -> skipsWell(c.query()));
  }

  /** A plain word in a name field, as the search box adds it below the text. */
  private static boolean isNameWord(Query query) {
    return query instanceof BoostQuery boosted
        && boosted.getQuery() instanceof TermQuery term
        && ReviewFields.NAME_WORDS.contains(term.getTerm().field());
  }
}
