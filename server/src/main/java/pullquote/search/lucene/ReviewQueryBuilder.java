package pullquote.search.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
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
import pullquote.index.ReviewSchema;
import pullquote.search.Expansion;
import pullquote.search.Forgiveness;
import pullquote.search.QueryNode;
import pullquote.search.QuerySyntax;
import pullquote.search.SearchRequest;
import pullquote.search.WordForms;
import pullquote.sentiment.Sentiment;

/**
 * Where a search request becomes a Lucene query: the search box's tree, read as typed or forgiving
 * ({@link Reading}), with each plain word built by {@link WordClauses}, and the filters.
 */
public final class ReviewQueryBuilder {

  /** A field term's box prefix to the analysed field it searches: a name's words. */
  private static final Map<String, String> BOX_FIELDS =
      ReviewSchema.ofKind(ReviewSchema.Kind.NAME).stream()
          .filter(f -> f.boxPrefix() != null)
          .collect(
              java.util.stream.Collectors.toUnmodifiableMap(
                  ReviewSchema.Field::boxPrefix, ReviewSchema.Field::wordsField));

  private final Analyzer analyzer;
  private final Forgiveness forgiveness;
  private final WordForms forms;
  private final QueryBuilder lucene;
  private final QueryBuilder phrases;

  /**
   * @param analyzer the index's analyzer, from {@link ReviewAnalyzers#create()}
   */
  public ReviewQueryBuilder(Analyzer analyzer) {
    this(analyzer, Forgiveness.DEFAULT);
  }

  public ReviewQueryBuilder(Analyzer analyzer, Forgiveness forgiveness) {
    this.analyzer = analyzer;
    this.forgiveness = forgiveness;
    this.forms = WordForms.bundled();
    this.lucene = new QueryBuilder(analyzer);
    this.phrases = new QueryBuilder(ReviewAnalyzers.forPhrases());
  }

  /**
   * The request as Lucene queries.
   *
   * @param query the whole search
   * @param withoutOwnFilter for each facet that lists every value (sentiment, score, year) and has
   *     a filter of its own, the same search without that filter, for that facet's counts
   *     (multi-select: ticking one class still shows the others' counts)
   * @param box the search box's query alone, without filters; null when it added nothing
   * @param warnings what was recovered in the query syntax
   * @param filtersOnly true when the search box added nothing: the query is filters over every
   *     review, of which there are few and which match many, so their facet counts are cached;
   *     every hit scores the same, so relevance order is the tie-break order alone
   * @param topWords the plain words the box requires at its top level, in order (what a relaxed
   *     reading may leave out)
   * @param deadWords those of them nothing in the index matches, in the forms this reading tries
   * @param expansions the other forms a forgiving reading let the words match
   */
  public record Built(
      Query query,
      Map<String, Query> withoutOwnFilter,
      Query box,
      List<String> warnings,
      boolean filtersOnly,
      List<String> topWords,
      List<String> deadWords,
      List<Expansion> expansions) {

    public Built {
      withoutOwnFilter = Map.copyOf(withoutOwnFilter);
    }

    /** True when a sentiment filter is set: the sentiment facet is then counted without it. */
    public boolean sentimentFiltered() {
      return withoutOwnFilter.containsKey(ReviewFields.SENTIMENT);
    }

    /** The search without its sentiment filter: the search itself when it has none. */
    public Query withoutSentimentFilter() {
      return withoutOwnFilter.getOrDefault(ReviewFields.SENTIMENT, query);
    }

    /** True when a filter beside the box (the sentiment's too) narrows the search. */
    boolean filtered() {
      return box != query;
    }
  }

  /** The request with its words as typed, in the text alone (no index at hand to ask). */
  public Built build(SearchRequest request) {
    return build(request, null, Reading.STRICT);
  }

  /**
   * @param lexicon the generation's words (names, other forms); null reads the words as typed in
   *     the text alone
   */
  Built build(SearchRequest request, Lexicon lexicon, Reading reading) {
    QuerySyntax.Parsed parsed = QuerySyntax.parse(request.q());
    Walk walk = new Walk(new WordClauses(analyzer, lexicon, forgiveness, forms, reading), reading);
    walk.warnings.addAll(parsed.warnings());
    Query box = parsed.root() == null ? null : walk.top(parsed.root());
    if (box == null && parsed.root() != null) {
      walk.warnings.add("the query has no searchable words; showing everything");
    }
    FilterQueries filters = FilterQueries.of(request);
    Query query = filters.around(box);
    // The same object when nothing filters: Built.filtered() tells them apart by identity.
    Query boxQuery = box == null ? null : filters.any() ? boxAlone(box) : query;
    return new Built(
        query,
        filters.withoutEachOwnFilter(box),
        boxQuery,
        List.copyOf(walk.warnings),
        box == null,
        List.copyOf(walk.topWords),
        List.copyOf(walk.deadWords),
        walk.clauses.expansions());
  }

  /** The box as the whole query, in the shape the query with filters has. */
  private static Query boxAlone(Query box) {
    return new BooleanQuery.Builder().add(box, Occur.MUST).build();
  }

  /** One walk of the box's tree, with the state one build gathers. */
  private final class Walk {
    final WordClauses clauses;
    final Reading reading;
    final List<String> warnings = new ArrayList<>();
    final List<String> topWords = new ArrayList<>();
    final List<String> deadWords = new ArrayList<>();

    Walk(WordClauses clauses, Reading reading) {
      this.clauses = clauses;
      this.reading = reading;
    }

    /** The root: a conjunction at the top is where words may be relaxed. */
    Query top(QueryNode root) {
      return switch (root) {
        case QueryNode.And and -> and(and.nodes(), true);
        case QueryNode.Term term when isPlain(term) -> and(List.of(term), true);
        default -> toQuery(root);
      };
    }

    /** The node as a query, or null when it has nothing searchable (such as a lone "&"). */
    Query toQuery(QueryNode node) {
      return switch (node) {
        case QueryNode.Term term when isPlain(term) -> and(List.of(term), false);
        case QueryNode.Term term -> term(term);
        case QueryNode.Phrase phrase -> phrase(phrase);
        case QueryNode.Not not -> {
          Query inner = toQuery(not.node());
          yield inner == null
              ? null
              : new BooleanQuery.Builder()
                  .add(MatchAllDocsQuery.INSTANCE, Occur.MUST)
                  .add(inner, Occur.MUST_NOT)
                  .build();
        }
        case QueryNode.And and -> and(and.nodes(), false);
        case QueryNode.Or or -> {
          BooleanQuery.Builder any = new BooleanQuery.Builder();
          int clauses = 0;
          for (QueryNode branch : or.nodes()) {
            Query q = toQuery(branch);
            if (q != null) {
              any.add(q, Occur.SHOULD);
              clauses++;
            }
          }
          yield clauses == 0 ? null : any.build();
        }
      };
    }

    /**
     * A conjunction: plain words (each required, or at the top of a relaxed reading enough of
     * them), neighbouring plain words scored for proximity, other items required, negated items
     * excluded.
     */
    private Query and(List<QueryNode> nodes, boolean top) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      BooleanQuery.Builder some = new BooleanQuery.Builder();
      List<Query> proximity = new ArrayList<>();
      List<BoxWord> run = new ArrayList<>();
      boolean relaxed = top && reading.relaxed();
      int required = 0;
      int optional = 0;
      int excluded = 0;
      for (QueryNode node : nodes) {
        if (node instanceof QueryNode.Term term && isPlain(term)) {
          List<BoxWord> words = clauses.words(term.text());
          if (words.isEmpty()) {
            warnings.add("ignored '" + term.text() + "': no searchable words");
          }
          for (BoxWord word : words) {
            if (top) {
              topWords.add(word.written());
              if (clauses.matchesNothing(word)) {
                deadWords.add(word.written());
              }
            }
            if (top && reading.dropped().contains(word.written())) {
              proximity.addAll(clauses.proximity(run));
              run.clear();
              continue;
            }
            if (relaxed) {
              some.add(clauses.clause(word), Occur.SHOULD);
              optional++;
            } else {
              all.add(clauses.clause(word), Occur.MUST);
              required++;
            }
            run.add(word);
          }
          continue;
        }
        proximity.addAll(clauses.proximity(run));
        run.clear();
        boolean negated = node instanceof QueryNode.Not;
        Query q = toQuery(negated ? ((QueryNode.Not) node).node() : node);
        if (q != null) {
          all.add(q, negated ? Occur.MUST_NOT : Occur.MUST);
          if (negated) {
            excluded++;
          } else {
            required++;
          }
        }
      }
      if (optional > 0) {
        some.setMinimumNumberShouldMatch(Math.min(reading.minimumMatch(), optional));
        all.add(some.build(), Occur.MUST);
        required++;
      }
      if (required + excluded == 0) {
        return null;
      }
      if (required == 0) {
        all.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
      }
      proximity.addAll(clauses.proximity(run));
      proximity.forEach(clause -> all.add(clause, Occur.SHOULD));
      BooleanQuery built = all.build();
      // One required clause and nothing else is that clause: the shape earlier versions built.
      return built.clauses().size() == 1 && built.clauses().get(0).occur() == Occur.MUST
          ? built.clauses().get(0).query()
          : built;
    }

    private Query term(QueryNode.Term term) {
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

    private Query phrase(QueryNode.Phrase phrase) {
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
  }

  /** A word of the review text as typed: not a prefix, not a field term, not "*". */
  private static boolean isPlain(QueryNode.Term term) {
    return term.field() == null && !term.prefix() && !term.text().equals("*");
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
