package pullquote.search;

import java.util.List;
import java.util.Map;

/**
 * Counts beside the hits.
 *
 * @param sentiment counts for all three classes, ignoring the sentiment filter itself
 * @param critic the most frequent critics among the hits, with counts
 */
public record FacetCounts(
    Map<String, Long> sentiment,
    List<FacetValue> critic,
    List<FacetValue> publication,
    List<FacetValue> work) {

  /** One value of a facet and how many hits have it. */
  public record FacetValue(String value, long count) {}
}
