package pullquote.search.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import pullquote.ingest.Review;
import pullquote.search.FacetCounts;
import pullquote.sentiment.Sentiment;

/** The counts every profile shows, over a list of reviews. */
final class Figures {

  private Figures() {}

  static Map<String, Long> sentiment(List<Review> reviews) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Sentiment s : Sentiment.values()) {
      counts.put(s.key(), reviews.stream().filter(r -> r.sentiment() == s).count());
    }
    return counts;
  }

  /** Scores in ten buckets, "0" (0–9) to "90" (90–100), as the score facet counts them. */
  static Map<String, Long> scores(List<Review> reviews) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int low = 0; low <= 90; low += 10) {
      counts.put(Integer.toString(low), 0L);
    }
    for (Review r : reviews) {
      if (r.score() != null) {
        counts.merge(Integer.toString(Math.min(r.score() / 10, 9) * 10), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** The mean score over the scored reviews, to one decimal; null when none has a score. */
  static Double meanScore(List<Review> reviews) {
    return round(reviews.stream().filter(r -> r.score() != null).mapToInt(Review::score).average());
  }

  static long scored(List<Review> reviews) {
    return reviews.stream().filter(r -> r.score() != null).count();
  }

  static Double round(java.util.OptionalDouble value) {
    return value.isPresent() ? Math.round(value.getAsDouble() * 10) / 10.0 : null;
  }

  /** The most frequent values, most frequent first, ties by name; blanks left out. */
  static List<FacetCounts.FacetValue> top(
      List<Review> reviews, Function<Review, String> value, int n) {
    Map<String, Long> counts =
        reviews.stream()
            .map(value)
            .filter(v -> v != null && !v.isBlank())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    List<FacetCounts.FacetValue> top = new ArrayList<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .forEach(e -> top.add(new FacetCounts.FacetValue(e.getKey(), e.getValue())));
    return top;
  }
}
