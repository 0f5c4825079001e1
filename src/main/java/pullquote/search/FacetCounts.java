package pullquote.search;

import java.util.Collections;
import java.util.LinkedHashMap;
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

  /** Copied: counts of filter-only searches are cached and shared by every request after. */
  public FacetCounts {
    sentiment = Collections.unmodifiableMap(new LinkedHashMap<>(sentiment)); // in class order
    critic = List.copyOf(critic);
    publication = List.copyOf(publication);
    work = List.copyOf(work);
  }

  /** One value of a facet and how many hits have it. */
  public record FacetValue(String value, long count) {
    public FacetValue {
      if (value == null || count < 0) {
        throw new IllegalArgumentException("a facet value needs a name and a count >= 0");
      }
    }
  }
}
