package pullquote.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.search.SearchRequest;

/**
 * The plain-Lucene baseline: the classic query parser over the review text with the index's
 * analyzer, any word may match (OR), BM25 as the searcher has it by default. The query text is
 * escaped, so only the phrase control's quotes are syntax.
 */
public final class ClassicParserBaseline implements RankingEngine {

  /** As many hits as pullquote's first page shows. */
  static final int PAGE = SearchRequest.DEFAULT_SIZE;

  private static final Set<String> FIELDS = Set.of(ReviewFields.ID, ReviewFields.TEXT);

  private final IndexSearcher searcher;
  private final Analyzer analyzer = ReviewAnalyzers.create();

  /**
   * @param searcher searches the index pullquote's engine searches
   */
  /** Ties broken by the review's id, as our search breaks them, not by where a build put it. */
  private static final Sort BY_SCORE_THEN_ID =
      new Sort(SortField.FIELD_SCORE, new SortField(ReviewFields.ID_ORDER, SortField.Type.LONG));

  public ClassicParserBaseline(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  @Override
  public RankedAnswer answer(RelevanceQuery query) throws IOException {
    // a parser per query: the classic parser keeps state while it parses
    QueryParser parser = new QueryParser(ReviewFields.TEXT, analyzer);
    TopDocs docs;
    try {
      docs =
          searcher.search(
              parser.parse(syntax(query)),
              new TopFieldCollectorManager(BY_SCORE_THEN_ID, PAGE, null, Integer.MAX_VALUE));
    } catch (ParseException e) {
      throw new IllegalStateException("escaped text failed to parse: " + query.text(), e);
    }
    List<Hit> top = new ArrayList<>();
    var stored = searcher.storedFields();
    for (ScoreDoc hit : docs.scoreDocs) {
      Document review = stored.document(hit.doc, FIELDS);
      top.add(new Hit(review.get(ReviewFields.ID), review.get(ReviewFields.TEXT)));
    }
    return new RankedAnswer(top, docs.totalHits.value());
  }

  /** The query in the classic parser's syntax: every word escaped, the phrase quoted. */
  static String syntax(RelevanceQuery query) {
    String words = QueryParser.escape(String.join(" ", query.typed()));
    return query.kind() == QuoteKind.PHRASE ? "\"" + words + "\"" : words;
  }
}
