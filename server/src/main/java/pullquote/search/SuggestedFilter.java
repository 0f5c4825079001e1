package pullquote.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import pullquote.index.ReviewSchema;

/**
 * The whole search box is a known name: filtering on it lists that critic's (work's, publication's)
 * reviews. Written as the filter itself, {@code {"critic": "Roger Ebert", "reviews": 1310}}.
 *
 * @param parameter the search parameter that filters on the name
 * @param value the name as the index spells it
 */
public record SuggestedFilter(String parameter, String value, long reviews) {

  /** The filter parameters of the schema's names. */
  static final Set<String> PARAMETERS =
      ReviewSchema.ofKind(ReviewSchema.Kind.NAME).stream()
          .flatMap(f -> f.filterParameters().stream())
          .collect(Collectors.toUnmodifiableSet());

  public SuggestedFilter {
    if (!PARAMETERS.contains(parameter) || value == null || value.isBlank() || reviews < 1) {
      throw new IllegalArgumentException("a suggested filter needs a name field, a name, reviews");
    }
  }

  @JsonValue
  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(parameter, value);
    json.put("reviews", reviews);
    return json;
  }
}
