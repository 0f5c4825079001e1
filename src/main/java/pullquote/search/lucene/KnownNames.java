package pullquote.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewSchema;
import pullquote.search.SearchRequest;
import pullquote.search.SuggestedFilter;

/**
 * Whether the whole search box is a critic's, publication's or work's name, as a reader types
 * "Roger Ebert" meaning his reviews rather than reviews that mention him: offered as a filter.
 */
final class KnownNames {

  /** Search syntax means the box is a query, not a name. */
  private static final Pattern SYNTAX =
      Pattern.compile("[\"“”:*()~]|(^|\\s)(-|OR\\b|AND\\b|NOT\\b)");

  private static final int MAX_NAME_CHARS = 200;

  private KnownNames() {}

  static List<SuggestedFilter> of(SearchRequest request, IndexSearcher searcher)
      throws IOException {
    String q = request.q().strip();
    if (q.isEmpty() || q.length() > MAX_NAME_CHARS || SYNTAX.matcher(q).find()) {
      return List.of();
    }
    String name = ReviewAnalyzers.exactName(q);
    List<SuggestedFilter> found = new ArrayList<>();
    for (ReviewSchema.Field dimension : ReviewSchema.ofKind(ReviewSchema.Kind.NAME)) {
      // already filtered on it: nothing to offer
      if (request.names(dimension.name()).stream()
          .map(ReviewAnalyzers::exactName)
          .anyMatch(name::equals)) {
        continue;
      }
      Term term = new Term(dimension.exactField(), name);
      // A look-up in the terms dictionary first: most boxes are no name, and a search costs more.
      if (searcher.getIndexReader().docFreq(term) == 0) {
        continue;
      }
      TermQuery exact = new TermQuery(term);
      TopDocs top = searcher.search(exact, 1);
      if (top.scoreDocs.length > 0) {
        String shown =
            searcher
                .storedFields()
                .document(top.scoreDocs[0].doc, Set.of(dimension.name()))
                .get(dimension.name());
        found.add(
            new SuggestedFilter(
                dimension.filterParameters().getFirst(), shown, searcher.count(exact)));
      }
    }
    return found;
  }
}
