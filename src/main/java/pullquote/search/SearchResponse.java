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
    boolean timedOut) {}
