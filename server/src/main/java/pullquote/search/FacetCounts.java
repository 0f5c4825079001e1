package pullquote.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pullquote.index.ReviewSchema;

/**
 * Counts beside the hits, keyed by dimension as {@link ReviewSchema} lists them: for the sentiment
 * every class with its count, for the score every ten-point bucket ("0" … "90"), for the year the
 * years the hits have, each ignoring that dimension's own filter (multi-select: a ticked class or a
 * chosen range still shows the others); for a name, its most frequent values among the hits.
 *
 * @param allValues every value of each small dimension, in its own order
 * @param topValues the most frequent values of each name dimension, most frequent first
 */
public record FacetCounts(
    Map<String, Map<String, Long>> allValues, Map<String, List<FacetValue>> topValues) {

  /** Copied: counts of filter-only searches are cached and shared by every request after. */
  public FacetCounts {
    Map<String, Map<String, Long>> all = new LinkedHashMap<>();
    allValues.forEach(
        (dimension, counts) ->
            all.put(dimension, Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
    Map<String, List<FacetValue>> top = new LinkedHashMap<>();
    topValues.forEach((dimension, values) -> top.put(dimension, List.copyOf(values)));
    for (ReviewSchema.Field field : ReviewSchema.searchFacets()) {
      boolean small = ReviewSchema.countsEveryValue(field);
      if (!(small ? all : top).containsKey(field.name())) {
        throw new IllegalArgumentException("facet counts lack " + field.name());
      }
    }
    allValues = Collections.unmodifiableMap(all);
    topValues = Collections.unmodifiableMap(top);
  }

  /** Every value of a small dimension with its count. */
  public Map<String, Long> all(String dimension) {
    return require(allValues.get(dimension), dimension);
  }

  /** A name dimension's most frequent values among the hits. */
  public List<FacetValue> top(String dimension) {
    return require(topValues.get(dimension), dimension);
  }

  private static <T> T require(T counts, String dimension) {
    if (counts == null) {
      throw new IllegalArgumentException("no facet " + dimension);
    }
    return counts;
  }

  /** The API's shape: one member per dimension, in the schema's order. */
  @JsonValue
  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    for (ReviewSchema.Field field : ReviewSchema.searchFacets()) {
      String name = field.name();
      json.put(name, allValues.containsKey(name) ? allValues.get(name) : topValues.get(name));
    }
    return json;
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
