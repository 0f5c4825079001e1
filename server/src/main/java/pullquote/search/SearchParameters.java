package pullquote.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import pullquote.index.ReviewSchema;
import pullquote.sentiment.Sentiment;

/**
 * Reads the API's query parameters (as the HTTP server or the CLI collects them) into a {@link
 * SearchRequest}, rejecting each bad one with its name, a stable code and a readable message.
 */
public final class SearchParameters {

  /** Parameters of every search; the filters beside them come from {@link ReviewSchema}. */
  private static final List<String> GENERAL =
      List.of("q", "sort", "page", "size", "cursor", "facets", "highlight");

  public static final Set<String> NAMES =
      Stream.concat(GENERAL.stream(), ReviewSchema.filterParameters().stream())
          .collect(Collectors.toUnmodifiableSet());

  /** Parameters that may be given more than once; any of their values may match. */
  static final Set<String> REPEATABLE =
      ReviewSchema.FIELDS.stream()
          .filter(ReviewSchema.Field::repeatableFilter)
          .flatMap(f -> f.filterParameters().stream())
          .collect(Collectors.toUnmodifiableSet());

  private SearchParameters() {}

  /**
   * Rejects a parameter the route does not have, and a second value for one that takes only one.
   * Every API route checks its parameters with this.
   */
  public static void requireOnly(
      Map<String, List<String>> params, Set<String> known, Set<String> repeatable) {
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      String name = param.getKey();
      if (!known.contains(name)) {
        throw new InvalidParameterException(
            InvalidParameterException.UNKNOWN_PARAMETER,
            name,
            "unknown parameter '" + name + "'; known ones are " + known.stream().sorted().toList());
      }
      if (param.getValue().size() > 1 && !repeatable.contains(name)) {
        throw new InvalidParameterException(
            InvalidParameterException.INVALID_VALUE, name, name + " may be given only once");
      }
    }
  }

  public static SearchRequest parse(Map<String, List<String>> params) {
    requireOnly(params, NAMES, REPEATABLE);
    String sort = single(params, "sort");
    return new SearchRequest(
        single(params, "q"),
        nonBlank(params, "critic"),
        nonBlank(params, "publication"),
        nonBlank(params, "work"),
        sentiments(params),
        integer(params, "min_score"),
        integer(params, "max_score"),
        date(params, "from"),
        date(params, "to"),
        sort == null || sort.isBlank() ? SortOrder.RELEVANCE : SortOrder.parse(sort),
        orDefault(integer(params, "page"), 1),
        orDefault(integer(params, "size"), SearchRequest.DEFAULT_SIZE),
        blankToNull(single(params, "cursor")),
        bool(params, "facets"),
        bool(params, "highlight"));
  }

  /** A switch that is on unless given as false. */
  private static boolean bool(Map<String, List<String>> params, String name) {
    String value = blankToNull(single(params, name));
    if (value == null || value.strip().equalsIgnoreCase("true")) {
      return true;
    }
    if (value.strip().equalsIgnoreCase("false")) {
      return false;
    }
    throw new InvalidParameterException(
        InvalidParameterException.INVALID_VALUE,
        name,
        name + " must be true or false; got '" + value + "'");
  }

  private static Set<Sentiment> sentiments(Map<String, List<String>> params) {
    Set<Sentiment> result = EnumSet.noneOf(Sentiment.class);
    for (String value : nonBlank(params, "sentiment")) {
      for (String part : value.split(",")) {
        result.add(
            Sentiment.parse(part)
                .orElseThrow(
                    () ->
                        new InvalidParameterException(
                            InvalidParameterException.INVALID_VALUE,
                            "sentiment",
                            "sentiment must be positive, mixed or negative; got '"
                                + part.strip()
                                + "'")));
      }
    }
    return result;
  }

  private static Integer integer(Map<String, List<String>> params, String name) {
    String value = blankToNull(single(params, name));
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(
          InvalidParameterException.INVALID_VALUE,
          name,
          name + " must be a whole number; got '" + value + "'");
    }
  }

  private static LocalDate date(Map<String, List<String>> params, String name) {
    String value = blankToNull(single(params, name));
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(
          InvalidParameterException.INVALID_VALUE,
          name,
          name + " must be a date as YYYY-MM-DD; got '" + value + "'");
    }
  }

  /** The one value of a parameter {@link #requireOnly} has checked is not repeated. */
  private static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.getOrDefault(name, List.of());
    return values.isEmpty() ? null : values.get(0);
  }

  private static List<String> nonBlank(Map<String, List<String>> params, String name) {
    List<String> values = new ArrayList<>();
    for (String value : params.getOrDefault(name, List.of())) {
      if (value != null && !value.isBlank()) {
        values.add(value.strip());
      }
    }
    return values;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
