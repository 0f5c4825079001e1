package pullquote.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.sentiment.Sentiment;

/** Where a search request becomes a Lucene query. */
public final class ReviewQueryBuilder {

  private static final Map<String, String> BOX_FIELDS =
      Map.of(
          "critic", ReviewFields.CRITIC_WORDS,
          "publication", ReviewFields.PUBLICATION_WORDS,
          "work", ReviewFields.WORK_WORDS);

  private final Analyzer analyzer;
  private final QueryBuilder lucene;
  private final QueryBuilder phrases;

  /**
   * @param analyzer the index's analyzer, from {@link ReviewAnalyzers#create()}
   */
  public ReviewQueryBuilder(Analyzer analyzer) {
    this.analyzer = analyzer;
    this.lucene = new QueryBuilder(analyzer);
    this.phrases = new QueryBuilder(ReviewAnalyzers.forPhrases());
  }

  /**
   * The request as Lucene queries.
   *
   * @param query the whole search
   * @param withoutSentimentFilter the same search without the sentiment filter, for the sentiment
   *     facet's counts (multi-select: ticking one class still shows the others' counts)
   * @param warnings what was recovered in the query syntax
   * @param filtersOnly true when the search box added nothing: the query is filters over every
   *     review, of which there are few and which match many, so their facet counts are cached;
   *     every hit scores the same, so relevance order is the tie-break order alone
   */
  public record Built(
      Query query, Query withoutSentimentFilter, List<String> warnings, boolean filtersOnly) {

    /** True when a sentiment filter is set: the sentiment facet is then counted without it. */
    public boolean sentimentFiltered() {
      return withoutSentimentFilter != query;
    }
  }

  public Built build(SearchRequest request) {
    QuerySyntax.Parsed parsed = QuerySyntax.parse(request.q());
    List<String> warnings = new ArrayList<>(parsed.warnings());
    Query box = parsed.root() == null ? null : toQuery(parsed.root(), warnings);
    if (box == null && parsed.root() != null) {
      warnings.add("the query has no searchable words; showing everything");
    }
    BooleanQuery.Builder base = new BooleanQuery.Builder();
    base.add(box == null ? MatchAllDocsQuery.INSTANCE : box, Occur.MUST);
    addAnyOf(base, ReviewFields.CRITIC_EXACT, request.critics(), ReviewAnalyzers::exactName);
    addAnyOf(
        base, ReviewFields.PUBLICATION_EXACT, request.publications(), ReviewAnalyzers::exactName);
    addAnyOf(base, ReviewFields.WORK_EXACT, request.works(), ReviewAnalyzers::exactName);
    if (request.minScore() != null || request.maxScore() != null) {
      base.add(
          IntPoint.newRangeQuery(
              ReviewFields.SCORE,
              request.minScore() == null ? 0 : request.minScore(),
              request.maxScore() == null ? 100 : request.maxScore()),
          Occur.FILTER);
    }
    if (request.from() != null || request.to() != null) {
      base.add(
          LongPoint.newRangeQuery(
              ReviewFields.DATE,
              request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay(),
              request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay()),
          Occur.FILTER);
    }
    Query withoutSentiment = base.build();
    if (request.sentiments().isEmpty()
        || request.sentiments().size() == Sentiment.values().length) {
      return new Built(withoutSentiment, withoutSentiment, List.copyOf(warnings), box == null);
    }
    BooleanQuery.Builder full = new BooleanQuery.Builder().add(withoutSentiment, Occur.MUST);
    addAnyOf(
        full,
        ReviewFields.SENTIMENT,
        request.sentiments().stream().map(Sentiment::key).toList(),
        Function.identity());
    return new Built(full.build(), withoutSentiment, List.copyOf(warnings), box == null);
  }

  private static void addAnyOf(
      BooleanQuery.Builder query,
      String field,
      Collection<String> values,
      Function<String, String> form) {
    if (values.isEmpty()) {
      return;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String value : values) {
      any.add(new TermQuery(new Term(field, form.apply(value))), Occur.SHOULD);
    }
    query.add(any.build(), Occur.FILTER);
  }

  /** The node as a query, or null when it has nothing searchable (such as a lone "&"). */
  private Query toQuery(QueryNode node, List<String> warnings) {
    return switch (node) {
      case QueryNode.Term term -> term(term, warnings);
      case QueryNode.Phrase phrase -> phrase(phrase, warnings);
      case QueryNode.Not not -> {
        Query inner = toQuery(not.node(), warnings);
        yield inner == null
            ? null
            : new BooleanQuery.Builder()
                .add(MatchAllDocsQuery.INSTANCE, Occur.MUST)
                .add(inner, Occur.MUST_NOT)
                .build();
      }
      case QueryNode.And and -> and(and.nodes(), warnings);
      case QueryNode.Or or -> {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (QueryNode branch : or.nodes()) {
          Query q = toQuery(branch, warnings);
          if (q != null) {
            any.add(q, Occur.SHOULD);
            clauses++;
          }
        }
        yield clauses == 0 ? null : any.build();
      }
    };
  }

  /** Negated items become MUST_NOT clauses of the conjunction rather than nested match-alls. */
  private Query and(List<QueryNode> nodes, List<String> warnings) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean positive = false;
    boolean any = false;
    for (QueryNode node : nodes) {
      boolean negated = node instanceof QueryNode.Not;
      Query q = toQuery(negated ? ((QueryNode.Not) node).node() : node, warnings);
      if (q == null) {
        continue;
      }
      all.add(q, negated ? Occur.MUST_NOT : Occur.MUST);
      positive |= !negated;
      any = true;
    }
    if (!any) {
      return null;
    }
    if (!positive) {
      all.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
    }
    return all.build();
  }

  private Query term(QueryNode.Term term, List<String> warnings) {
    if (term.field() == null && term.text().equals("*")) {
      return MatchAllDocsQuery.INSTANCE;
    }
    if ("sentiment".equals(term.field())) {
      return sentiment(term.text(), warnings);
    }
    String field = term.field() == null ? ReviewFields.TEXT : BOX_FIELDS.get(term.field());
    if (term.prefix()) {
      BytesRef prefix = analyzer.normalize(field, term.text());
      if (prefix.length == 0) {
        warnings.add("ignored '" + term.text() + "*': a prefix needs a letter or digit");
        return null;
      }
      return new PrefixQuery(new Term(field, prefix));
    }
    Query q = lucene.createBooleanQuery(field, term.text(), Occur.MUST);
    if (q == null) {
      warnings.add("ignored '" + term.text() + "': no searchable words");
    }
    return q;
  }

  private Query phrase(QueryNode.Phrase phrase, List<String> warnings) {
    if ("sentiment".equals(phrase.field())) {
      return sentiment(phrase.text(), warnings);
    }
    String field = phrase.field() == null ? ReviewFields.TEXT : BOX_FIELDS.get(phrase.field());
    Query q = phrases.createPhraseQuery(field, phrase.text(), phrase.slop());
    if (q == null) {
      warnings.add("ignored \"" + phrase.text() + "\": no searchable words");
    }
    return q;
  }

  private static Query sentiment(String value, List<String> warnings) {
    return Sentiment.parse(value)
        .<Query>map(s -> new TermQuery(new Term(ReviewFields.SENTIMENT, s.key())))
        .orElseGet(
            () -> {
              warnings.add(
                  "ignored sentiment:" + value + ": sentiment is positive, mixed or negative");
              return null;
            });
  }
}
