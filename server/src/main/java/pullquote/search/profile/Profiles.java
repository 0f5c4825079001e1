package pullquote.search.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.ingest.Review;
import pullquote.search.InvalidParameterException;
import pullquote.search.ReviewSearchService;
import pullquote.sentiment.TextSentimentModel;

/**
 * Critic and work profiles over any backend: its reviews of the one critic or work, and every
 * work's tally (which the backend counts once per index generation). A profile is computed once per
 * generation and name, and kept for the next request (the most recent {@value #CACHED}).
 */
public final class Profiles {

  /** The most reviews a profile reads. */
  public static final int MAX_REVIEWS = 10_000;

  /** The most works (or critics) a profile lists. */
  public static final int LISTED_WORKS = 500;

  /** Agreement counts a review only where at least this many other critics reviewed the work. */
  public static final int MIN_OTHERS = 3;

  /** A verdict needs at least this many reviews, as a Metascore does. */
  public static final int VERDICT_MIN = 4;

  public static final List<String> SORTS = List.of("score", "date", "work");

  private static final int CACHED = 256;

  private final ReviewSearchService search;
  private final TextSentimentModel model;
  private final Map<String, Object> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
          return size() > CACHED;
        }
      };

  public Profiles(ReviewSearchService search, TextSentimentModel model) {
    this.search = search;
    this.model = model;
  }

  /**
   * @param sort how the works list is ordered: one of {@link #SORTS}
   * @return empty when no review has that critic
   */
  public Optional<CriticProfile> critic(String name, String sort) {
    if (!SORTS.contains(sort)) {
      throw new InvalidParameterException(
          InvalidParameterException.INVALID_VALUE,
          "sort",
          "sort must be one of " + String.join(", ", SORTS));
    }
    return cached(
        "critic " + sort,
        name,
        ReviewFields.CRITIC,
        reviews -> CriticProfiles.of(reviews, search.workTallies(), sort, MIN_OTHERS));
  }

  /**
   * Makes one work's profile and one critic's, so the code (and the text model) a profile needs is
   * loaded and compiled before a reader asks: the first profile of a fresh JVM took 216 ms on the
   * 1M corpus, those after it at most 81.
   */
  public void warm() {
    search.workTallies().keySet().stream()
        .sorted()
        .findFirst()
        .flatMap(this::work)
        .flatMap(
            w ->
                w.critics().stream()
                    .map(WorkProfile.CriticOnWork::critic)
                    .filter(c -> c != null)
                    .findFirst())
        .ifPresent(critic -> critic(critic, "score"));
  }

  /**
   * @return empty when no review has that work
   */
  public Optional<WorkProfile> work(String title) {
    return cached("work", title, ReviewFields.WORK, r -> WorkProfiles.of(r, model));
  }

  private <T> Optional<T> cached(
      String kind,
      String name,
      String field,
      java.util.function.Function<List<Review>, T> profile) {
    String full =
        search.health().generation()
            + "\u0000"
            + kind
            + "\u0000"
            + ReviewAnalyzers.exactName(name).toLowerCase(Locale.ROOT);
    synchronized (cache) {
      if (cache.containsKey(full)) {
        @SuppressWarnings("unchecked")
        Optional<T> hit = (Optional<T>) cache.get(full);
        return hit;
      }
    }
    List<Review> reviews = search.reviewsOf(field, name, MAX_REVIEWS);
    Optional<T> computed =
        reviews.isEmpty() ? Optional.empty() : Optional.of(profile.apply(reviews));
    synchronized (cache) {
      cache.put(full, computed);
    }
    return computed;
  }
}
