package pullquote.search.solr;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.request.SolrQuery;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.index.ReviewSchema;
import pullquote.index.solr.SolrDocuments;
import pullquote.search.CriticSuggestion;
import pullquote.search.DidYouMean;
import pullquote.search.Forgiveness;
import pullquote.search.Highlights;
import pullquote.search.IndexHealth;
import pullquote.search.IndexStats;
import pullquote.search.KnownNames;
import pullquote.search.Relaxation;
import pullquote.search.ReviewHit;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchRequest;
import pullquote.search.SearchResponse;
import pullquote.search.SuggestedFilter;
import pullquote.search.WordForms;

/**
 * Answers searches from a SolrCloud collection: one request per search (hits, total, facets and
 * highlights together), the sentiment facet counted without its own filter by tag and exclusion,
 * paging by Solr's cursor marks, and the time budget as {@code timeAllowed}.
 */
public final class SolrReviewSearchService implements ReviewSearchService {

  private final SolrCollection collection;
  private final WordForms forms = WordForms.bundled();
  private final SolrQueries queries = new SolrQueries(forms);
  private final DidYouMean didYouMean = new DidYouMean(ReviewAnalyzers.forPhrases());
  private final Duration budget;
  private final Forgiveness forgiveness;

  /**
   * @param budget how long Solr may spend matching; past it the answer has what was found, flagged
   *     {@code timed_out}
   * @param forgiveness how far the search box forgives what is typed, as on the local index
   */
  public SolrReviewSearchService(
      SolrCollection collection, Duration budget, Forgiveness forgiveness) {
    this.collection = collection;
    this.budget = budget;
    this.forgiveness = forgiveness;
  }

  /**
   * Reads the box as the local index does ({@code ForgivingSearch}): the words as typed; when they
   * find few reviews in the whole collection, in names and near-synonyms too and, when they find
   * none, in typo neighbours (the words looked up in one request); when still no review has all the
   * words, the reviews with most of them. Every step is decided from the query, its filters and the
   * collection alone, so the pages of one search read it the same way.
   */
  @Override
  public SearchResponse search(SearchRequest request) {
    long start = System.nanoTime();
    SolrCursor cursor =
        request.cursor() == null ? null : SolrCursor.decode(request.cursor(), request.sort());
    if (cursor != null
        && cursor.collection() != null
        && !cursor.collection().equals(collection.served())) {
      throw SolrCursor.invalid(
          "the reviews were rebuilt since this cursor was given; start the search again");
    }
    SolrQueries.Built strict = queries.build(request);
    boolean tieOnly = request.sort().byTieBreakAlone(strict.filtersOnly());
    if (cursor != null) {
      cursor.requireKind(tieOnly);
    }
    SearchResponse first =
        new SolrPage(collection, budget, request, strict, cursor, tieOnly, start)
            .run(strict.q(), null);
    List<SuggestedFilter> suggested = suggestedFilters(request);
    if (strict.filtersOnly()
        || first.timedOut()
        || first.partial()
        || first.total() >= forgiveness.tryMoreBelow()
        || strict.forgivable().isEmpty()) {
      return first.forgiving(null, null, suggested, List.of());
    }
    return forgive(request, strict, first, suggested, new Paging(cursor, tieOnly, start));
  }

  /** How the pages of one search are asked for: its cursor, its kind, and when it began. */
  private record Paging(SolrCursor cursor, boolean tieOnly, long start) {}

  /** A relaxed reading that found reviews, and the answer it gave. */
  private record Relaxed(SearchResponse answer, Relaxation relaxation) {}

  /** The words as typed found few reviews: the forgiving readings, as few requests as they need. */
  private SearchResponse forgive(
      SearchRequest request,
      SolrQueries.Built strict,
      SearchResponse first,
      List<SuggestedFilter> suggested,
      Paging paging) {
    // Filters may leave few of many: the words are read by what they find in the whole collection
    // (counted with the words' look-up).
    boolean filtered = !strict.filters().isEmpty();
    SolrLexicon lexicon =
        SolrLexicon.lookUp(
            collection,
            strict.forgivable(),
            filtered ? strict.q() : null,
            filtered || first.total() < forgiveness.typosBelow(),
            forgiveness,
            forms);
    long asTyped = filtered ? lexicon.box() : first.total();
    boolean synonyms = asTyped < forgiveness.synonymsBelow();
    boolean typos = asTyped < forgiveness.typosBelow();
    SolrWordClauses words = new SolrWordClauses(forms, lexicon, synonyms, typos);
    SolrQueries.Built forgiving = queries.build(request, words);
    SolrPage page =
        new SolrPage(
            collection,
            budget,
            request,
            forgiving,
            paging.cursor(),
            paging.tieOnly(),
            paging.start());
    SearchResponse answer = first;
    // Not asked when it cannot find more: without names, synonyms or typos it matches what the
    // words as typed matched (filters can leave few of a box that finds many), and a required word
    // nothing matches in any form leaves it empty.
    boolean hopeless =
        forgiving.topWords().stream().anyMatch(w -> Boolean.TRUE.equals(words.matchesNothing(w)));
    if ((synonyms || typos) && !hopeless && !forgiving.q().equals(strict.q())) {
      answer = page.run(forgiving.q(), null);
    }
    Relaxed relaxed = null;
    if (answer.total() == 0 && !answer.timedOut() && !answer.partial() && relaxable(forgiving)) {
      relaxed = relax(page, forgiving, words);
    }
    List<String> unknown =
        strict.forgivable().stream()
            .filter(w -> lexicon.of(w) != null && lexicon.of(w).unknown())
            .toList();
    String meant =
        didYouMean.of(request.q(), unknown, w -> Optional.ofNullable(lexicon.of(w).correction()));
    return relaxed == null
        ? answer.forgiving(null, meant, suggested, words.expansions())
        : relaxed.answer().forgiving(relaxed.relaxation(), meant, suggested, words.expansions());
  }

  /**
   * The relaxed reading with the fewest words left out that finds reviews, or null. The first level
   * most often finds some: it is asked at once, and the others counted only when it finds none.
   */
  private Relaxed relax(SolrPage page, SolrQueries.Built forgiving, SolrWordClauses words) {
    SolrRelaxation relaxing = new SolrRelaxation(collection);
    List<SolrRelaxation.Relaxed> levels =
        relaxing.plan(forgiving.topWords(), forgiving.rest(), words);
    if (levels.isEmpty()) {
      return null;
    }
    SolrRelaxation.Relaxed level = levels.getFirst();
    SearchResponse answer = page.run(level.q(), level.words());
    if (answer.total() == 0 && !answer.timedOut()) {
      level = relaxing.firstFinding(levels, 1, forgiving.filters());
      if (level == null) {
        return null;
      }
      answer = page.run(level.q(), level.words());
    }
    return new Relaxed(answer, level.relaxation());
  }

  /** How many reviews the query finds with these filters. */
  private long count(String q, List<String> filters) {
    SolrQuery counted = new SolrQuery(q);
    filters.forEach(counted::addFilterQuery);
    counted.setRows(0);
    return collection.query(counted).getResults().getNumFound();
  }

  /**
   * A box with plain words at its top may be relaxed, unless a sentiment tick alone empties it:
   * ticking a class that has none of the hits shows none, as on the local index.
   */
  private boolean relaxable(SolrQueries.Built built) {
    if (built.topWords().isEmpty()) {
      return false;
    }
    List<String> withoutSentiment =
        built.filters().stream().filter(f -> !f.startsWith(SolrFilters.SENTIMENT_FILTER)).toList();
    return withoutSentiment.size() == built.filters().size()
        || count(built.q(), withoutSentiment) == 0;
  }

  /** The whole box is a known name: the filter on it, as the local index offers it. */
  private List<SuggestedFilter> suggestedFilters(SearchRequest request) {
    try {
      return KnownNames.of(request, new CollectionNames(collection));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public Optional<ReviewHit> review(String id) {
    SolrQuery query = new SolrQuery("*:*");
    String term = org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(id);
    // The id, or an alias of the one review a copy was merged into (a collection built before
    // aliases existed has none).
    query.addFilterQuery(
        collection.declares(ReviewFields.ALIASES)
            ? ReviewFields.ID + ":" + term + " OR " + ReviewFields.ALIASES + ":" + term
            : ReviewFields.ID + ":" + term);
    query.setFields(SolrDocuments.storedFields().toArray(String[]::new));
    query.setRows(1);
    var results = collection.query(query).getResults();
    return results.isEmpty()
        ? Optional.empty()
        : Optional.of(ReviewHit.of(SolrDocuments.fromSolr(results.getFirst()), Highlights.NONE));
  }

  @Override
  public List<pullquote.ingest.Review> reviewsOf(String field, String name, int limit) {
    ReviewSchema.Field named = ReviewSchema.field(field);
    if (named.kind() != ReviewSchema.Kind.NAME) {
      throw new pullquote.search.InvalidParameterException(
          pullquote.search.InvalidParameterException.INVALID_VALUE,
          "field",
          field + " is not a name");
    }
    SolrQuery query = new SolrQuery("*:*");
    query.addFilterQuery(
        named.exactField()
            + ":"
            + org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(
                pullquote.index.ReviewAnalyzers.exactName(name)));
    query.setFields(SolrDocuments.storedFields().toArray(String[]::new));
    query.setRows(limit);
    return collection.query(query).getResults().stream().map(SolrDocuments::fromSolr).toList();
  }

  @Override
  public java.util.Map<String, pullquote.search.WorkTally> workTallies() {
    return collection.workTallies();
  }

  @Override
  public List<CriticSuggestion> critics(String prefix, int limit) {
    return collection.critics().suggest(prefix, limit);
  }

  @Override
  public IndexStats stats() {
    return collection.stats();
  }

  @Override
  public IndexHealth health() {
    return new IndexHealth(collection.count(), collection.served());
  }
}
