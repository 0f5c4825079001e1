package pullquote.search.lucene;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import pullquote.index.ReviewSchema;
import pullquote.search.KnownNames;

/** Names looked up in a Lucene index: its terms dictionary first, then one search. */
record IndexNames(IndexSearcher searcher) implements KnownNames.Lookup {

  @Override
  public Map<ReviewSchema.Field, KnownNames.Found> find(
      List<ReviewSchema.Field> names, String folded) throws IOException {
    Map<ReviewSchema.Field, KnownNames.Found> found = new LinkedHashMap<>();
    for (ReviewSchema.Field name : names) {
      find(name, folded).ifPresent(f -> found.put(name, f));
    }
    return found;
  }

  private Optional<KnownNames.Found> find(ReviewSchema.Field name, String folded)
      throws IOException {
    Term term = new Term(name.exactField(), folded);
    // A look-up in the terms dictionary first: most boxes are no name, and a search costs more.
    if (searcher.getIndexReader().docFreq(term) == 0) {
      return Optional.empty();
    }
    TermQuery exact = new TermQuery(term);
    TopDocs top = searcher.search(exact, 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    String shown =
        searcher
            .storedFields()
            .document(top.scoreDocs[0].doc, Set.of(name.name()))
            .get(name.name());
    return Optional.of(new KnownNames.Found(shown, searcher.count(exact)));
  }
}
