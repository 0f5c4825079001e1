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
 * @param partial true when part of the reviews could not be searched (a shard of a SolrCloud
 *     collection with no live replica): the hits, total and counts are those of the rest
 * @param missingShards which parts those were, by name; empty when none
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
    List<Expansion> expansions,
    boolean partial,
    List<String> missingShards) {

  public SearchResponse {
    missingShards = List.copyOf(missingShards);
    if (partial == missingShards.isEmpty()) {
      throw new IllegalArgumentException("an answer is partial when, and only when, shards miss");
    }
    hits = List.copyOf(hits);
    warnings = List.copyOf(warnings);
    suggestedFilters = List.copyOf(suggestedFilters);
    expansions = List.copyOf(expansions);
  }

  /** An answer to the request as its words were read, before the forgiving box adds to it. */
  public static SearchResponse of(
      SearchRequest request,
      long total,
      long tookMs,
      String nextCursor,
      List<ReviewHit> hits,
      FacetCounts facets,
      List<String> warnings,
      boolean timedOut) {
    return new SearchResponse(
        total,
        tookMs,
        request.page(),
        request.size(),
        request.sort().toString(),
        nextCursor,
        request.q(),
        hits,
        facets,
        warnings,
        timedOut,
        null,
        null,
        List.of(),
        List.of(),
        false,
        List.of());
  }

  /** This answer, found without the named shards. */
  public SearchResponse withMissingShards(List<String> missing) {
    return with(relaxed, didYouMean, suggestedFilters, expansions, missing);
  }

  /** This answer with what the forgiving search box adds. */
  public SearchResponse forgiving(
      Relaxation relaxed,
      String didYouMean,
      List<SuggestedFilter> suggestedFilters,
      List<Expansion> expansions) {
    return with(relaxed, didYouMean, suggestedFilters, expansions, missingShards);
  }

  /** The same hits, counts and page with other notes beside them. */
  private SearchResponse with(
      Relaxation relaxed,
      String didYouMean,
      List<SuggestedFilter> suggestedFilters,
      List<Expansion> expansions,
      List<String> missing) {
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
        expansions,
        !missing.isEmpty(),
        missing);
  }
}
