package pullquote.search.solr;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.request.SolrQuery;
import pullquote.index.ReviewFields;
import pullquote.index.solr.SolrDocuments;
import pullquote.search.CriticSuggestion;
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

/**
 * Answers searches from a SolrCloud collection: one request per search (hits, total, facets and
 * highlights together), the sentiment facet counted without its own filter by tag and exclusion,
 * paging by Solr's cursor marks, and the time budget as {@code timeAllowed}.
 */
public final class SolrReviewSearchService implements ReviewSearchService {

  private final SolrCollection collection;
  private final SolrQueries queries = new SolrQueries();
  private final Duration budget;

  /**
   * @param budget how long Solr may spend matching; past it the answer has what was found, flagged
   *     {@code timed_out}
   */
  public SolrReviewSearchService(SolrCollection collection, Duration budget) {
    this.collection = collection;
    this.budget = budget;
  }

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
    SolrQueries.Built built = queries.build(request);
    boolean tieOnly = request.sort().byTieBreakAlone(built.filtersOnly());
    if (cursor != null) {
      cursor.requireKind(tieOnly);
    }
    SolrPage page = new SolrPage(collection, budget, request, built, cursor, tieOnly);
    SearchResponse answer = page.run(built.q(), null);
    Relaxation relaxation = null;
    if (answer.total() == 0 && !answer.timedOut() && !answer.partial() && relaxable(built)) {
      SolrRelaxation.Relaxed relaxed = relaxation().relax(built.plainWords(), built.filters());
      if (relaxed != null) {
        answer = page.run(relaxed.q(), relaxed.words());
        relaxation = relaxed.relaxation();
      }
    }
    return answer.forgiving(relaxation, null, suggestedFilters(request), List.of());
  }

  private SolrRelaxation relaxation() {
    return new SolrRelaxation(collection);
  }

  /**
   * A box of plain words may be relaxed, unless a sentiment tick alone empties it: ticking a class
   * that has none of the hits shows none, as on the local index.
   */
  private boolean relaxable(SolrQueries.Built built) {
    if (built.plainWords() == null) {
      return false;
    }
    List<String> withoutSentiment =
        built.filters().stream().filter(f -> !f.startsWith(SolrQueries.SENTIMENT_FILTER)).toList();
    if (withoutSentiment.size() == built.filters().size()) {
      return true;
    }
    SolrQuery unticked = new SolrQuery(built.q());
    withoutSentiment.forEach(unticked::addFilterQuery);
    unticked.setRows(0);
    return collection.query(unticked).getResults().getNumFound() == 0;
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
    query.addFilterQuery(
        ReviewFields.ID + ":" + org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(id));
    query.setFields(SolrDocuments.storedFields().toArray(String[]::new));
    query.setRows(1);
    var results = collection.query(query).getResults();
    return results.isEmpty()
        ? Optional.empty()
        : Optional.of(ReviewHit.of(SolrDocuments.fromSolr(results.getFirst()), Highlights.NONE));
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
