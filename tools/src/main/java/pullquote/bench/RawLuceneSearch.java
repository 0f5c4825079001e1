package pullquote.bench;

import java.io.IOException;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;

/**
 * The floor for in-process search: plain Lucene calls doing the work of one of our searches (the
 * same fields, analyzers, top 10 with an exact hit count, and for the page the same facet
 * dimensions and highlights) with none of our layer: no query syntax, no validation, no result
 * objects, no proximity scoring and no forgiving readings. A typo is forgiven the plain-Lucene way,
 * by a {@link FuzzyQuery}, and three words no review has together by requiring two of them.
 */
final class RawLuceneSearch {

  private static final int TOP = 10;

  private final IndexSearcher searcher;
  private final Function<String, StringDocValuesReaderState> facetStates;
  private final QueryBuilder words = new QueryBuilder(ReviewAnalyzers.create());
  private final QueryBuilder phrases = new QueryBuilder(ReviewAnalyzers.forPhrases());
  private final UnifiedHighlighter highlighter;

  RawLuceneSearch(
      IndexSearcher searcher,
      Function<String, StringDocValuesReaderState> facetStates,
      Analyzer analyzer) {
    this.searcher = searcher;
    this.facetStates = facetStates;
    this.highlighter = UnifiedHighlighter.builder(searcher, analyzer).build();
  }

  /**
   * Runs the query; with {@code page}, also counts the facets and highlights the hits.
   *
   * @return the number of hits, so the work cannot be optimised away
   */
  long run(BenchQuery q, boolean page) throws IOException {
    Query text = text(q);
    Query query = withFilters(text, q, true);
    var top = new TopScoreDocCollectorManager(TOP, Integer.MAX_VALUE);
    if (!page) {
      TopDocs docs = searcher.search(query, top);
      load(docs);
      return docs.totalHits.value();
    }
    Object[] results =
        searcher.search(query, new MultiCollectorManager(top, new FacetsCollectorManager()));
    TopDocs docs = (TopDocs) results[0];
    long counted = count((FacetsCollector) results[1]);
    if (q.sentiment() != null) {
      // the page's sentiment toggles show counts as if no sentiment were ticked
      FacetsCollector all =
          searcher.search(withFilters(text, q, false), new FacetsCollectorManager());
      counted += count(all);
    }
    load(docs);
    if (text != null) {
      counted += highlighter.highlight(ReviewFields.TEXT, query, docs).length;
    }
    return docs.totalHits.value() + counted;
  }

  private Query text(BenchQuery q) {
    String joined = String.join(" ", q.words());
    return switch (q.kind()) {
      case WORD, AND -> words.createBooleanQuery(ReviewFields.TEXT, joined, Occur.MUST);
      case OR -> words.createBooleanQuery(ReviewFields.TEXT, joined, Occur.SHOULD);
      case PHRASE -> phrases.createPhraseQuery(ReviewFields.TEXT, joined);
      case CRITIC, SENTIMENT -> null;
      case TYPO ->
          new BooleanQuery.Builder()
              .add(word(q.typedRight()), Occur.MUST)
              .add(new FuzzyQuery(new Term(ReviewFields.TEXT, q.misspelt()), 1), Occur.MUST)
              .build();
      case RELAXED -> {
        BooleanQuery.Builder most = new BooleanQuery.Builder().setMinimumNumberShouldMatch(2);
        q.words().forEach(word -> most.add(word(word), Occur.SHOULD));
        yield most.build();
      }
    };
  }

  /** A word of the text, as plain Lucene matches it. */
  private Query word(String word) {
    return words.createBooleanQuery(ReviewFields.TEXT, word, Occur.MUST);
  }

  private static Query withFilters(Query text, BenchQuery q, boolean withSentiment) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    all.add(text == null ? MatchAllDocsQuery.INSTANCE : text, Occur.MUST);
    if (q.critic() != null) {
      all.add(
          new TermQuery(new Term(ReviewFields.CRITIC_EXACT, ReviewAnalyzers.exactName(q.critic()))),
          Occur.FILTER);
    }
    if (withSentiment && q.sentiment() != null) {
      all.add(new TermQuery(new Term(ReviewFields.SENTIMENT, q.sentiment().key())), Occur.FILTER);
    }
    return all.build();
  }

  private void load(TopDocs docs) throws IOException {
    var stored = searcher.storedFields();
    for (ScoreDoc hit : docs.scoreDocs) {
      stored.document(hit.doc);
    }
  }

  /** Lucene's own counting of each dimension's sorted doc values, one pass per dimension. */
  private long count(FacetsCollector hits) throws IOException {
    long values = 0;
    for (String dim :
        new String[] {
          ReviewFields.SENTIMENT, ReviewFields.CRITIC, ReviewFields.PUBLICATION, ReviewFields.WORK
        }) {
      var counts = new StringValueFacetCounts(facetStates.apply(dim), hits);
      values += counts.getTopChildren(dim.equals(ReviewFields.SENTIMENT) ? 3 : TOP, dim).childCount;
    }
    return values;
  }
}
