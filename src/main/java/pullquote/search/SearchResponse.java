package pullquote.search;

import java.util.List;

/**
 * The API's answer to a search; field names are written in snake_case.
 *
 * @param total the exact number of matching reviews
 * @param nextCursor pass as {@code cursor} for the page after this one; null on the last page
 * @param query the query text as searched
 * @param facets the counts per facet; null when the request asked for none ({@code facets=false}),
 *     or when its time ran out before they were counted ({@code timed_out})
 * @param timedOut true when the search ran out of its time budget: the hits, total and counts are
 *     then those found so far
 * @param relaxed null when every word was required; else which words a hit may lack, because no
 *     review has them all
 * @param didYouMean the query with its unknown words replaced by the likeliest indexed ones, or
 *     null when every word is known
 * @param suggestedFilters the whole box is a known critic, publication or work: filter on it
 * @param expansions other forms (typos, spellings, near-synonyms) the words matched below
 *     themselves, because the words as typed found too few reviews
 */
public record SearchResponse(
    long total,
    long tookMs,
    int page,
    int size,
    String sort,
    String nextCursor,
    String query,
    List<ReviewHit> hits,
    FacetCounts facets,
    List<String> warnings,
    boolean timedOut,
    Relaxation relaxed,
    String didYouMean,
    List<SuggestedFilter> suggestedFilters,
    List<Expansion> expansions) {

  public SearchResponse {
    hits = List.copyOf(hits);
    warnings = List.copyOf(warnings);
    suggestedFilters = List.copyOf(suggestedFilters);
    expansions = List.copyOf(expansions);
  }

  /** This answer with what the forgiving search box adds. */
  public SearchResponse forgiving(
      Relaxation relaxed,
      String didYouMean,
      List<SuggestedFilter> suggestedFilters,
      List<Expansion> expansions) {
    return new SearchResponse(
        total,
        tookMs,
        page,
        size,
        sort,
        nextCursor,
        query,
        hits,
        facets,
        warnings,
        timedOut,
        relaxed,
        didYouMean,
        suggestedFilters,
        expansions);
  }
}
