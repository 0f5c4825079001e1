package pullquote.search.lucene;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/** Counts the leaf terms a query will look up (phrase positions and expansions each once). */
final class QueryTerms {

  private QueryTerms() {}

  static int count(Query query) {
    AtomicInteger count = new AtomicInteger();
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... terms) {
            count.addAndGet(terms.length);
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return count.get();
  }
}
