package pullquote.search.profile;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import pullquote.ingest.Review;
import pullquote.search.ReviewHit;
import pullquote.search.WorkTally;
import pullquote.sentiment.Sentiment;

/** Where a critic's reviews and every work's tally become the critic's profile. */
final class CriticProfiles {

  private CriticProfiles() {}

  /**
   * @param reviews every review by the critic, at least one
   * @param tallies every work's tally, the critic's own reviews included
   * @param sort the order of the works list: {@code score}, {@code date} or {@code work}
   */
  static CriticProfile of(
      List<Review> reviews, Map<String, WorkTally> tallies, String sort, int minOthers) {
    List<Review> byId = reviews.stream().sorted(Comparator.comparing(Review::id)).toList();
    List<Integer> years =
        byId.stream().map(Review::date).filter(Objects::nonNull).map(LocalDate::getYear).toList();
    List<Review> scored =
        byId.stream()
            .filter(r -> r.score() != null)
            .sorted(Comparator.comparing(Review::score).reversed())
            .toList();
    int favourable = Math.min(3, (scored.size() + 1) / 2);
    int harsh = Math.min(3, scored.size() / 2);
    return new CriticProfile(
        byId.getFirst().critic(),
        byId.size(),
        years.stream().min(Integer::compare).orElse(null),
        years.stream().max(Integer::compare).orElse(null),
        Figures.top(byId, Review::publication, 10),
        Figures.sentiment(byId),
        Figures.scores(byId),
        Figures.meanScore(byId),
        scored.size(),
        generosity(byId, tallies),
        agreement(byId, tallies, minOthers),
        scored.subList(0, favourable).stream().map(CriticProfiles::hit).toList(),
        scored.reversed().subList(0, harsh).stream().map(CriticProfiles::hit).toList(),
        byId.stream()
            .sorted(order(sort))
            .limit(Profiles.LISTED_WORKS)
            .map(
                r ->
                    new CriticProfile.WorkReviewed(
                        r.work(), r.id(), r.score(), r.scoreRaw(), r.sentiment().key(), r.date()))
            .toList());
  }

  private static ReviewHit hit(Review review) {
    return ReviewHit.of(review, pullquote.search.Highlights.NONE);
  }

  static Comparator<Review> order(String sort) {
    Comparator<Review> byWork = Comparator.comparing(Review::work).thenComparing(Review::id);
    return switch (sort) {
      case "work" -> byWork;
      case "date" ->
          Comparator.comparing(Review::date, Comparator.nullsLast(Comparator.reverseOrder()))
              .thenComparing(byWork);
      default ->
          Comparator.comparing(Review::score, Comparator.nullsLast(Comparator.reverseOrder()))
              .thenComparing(byWork);
    };
  }

  /** Each scored review against the mean of the other scores on its work. */
  private static CriticProfile.Generosity generosity(
      List<Review> reviews, Map<String, WorkTally> tallies) {
    double sum = 0;
    long works = 0;
    for (Review r : reviews) {
      WorkTally t = tallies.getOrDefault(r.work(), WorkTally.NONE);
      long others = t.scored() - 1;
      if (r.score() == null || others < 1) {
        continue;
      }
      sum += r.score() - (double) (t.scoreSum() - r.score()) / others;
      works++;
    }
    return new CriticProfile.Generosity(
        works == 0 ? null : Math.round(sum / works * 10) / 10.0, works);
  }

  /** Each review against the class most of the work's other reviews have. */
  private static CriticProfile.Agreement agreement(
      List<Review> reviews, Map<String, WorkTally> tallies, int minOthers) {
    long agree = 0;
    long counted = 0;
    for (Review r : reviews) {
      WorkTally t = tallies.getOrDefault(r.work(), WorkTally.NONE);
      long[] others = {
        t.positive() - (r.sentiment() == Sentiment.POSITIVE ? 1 : 0),
        t.mixed() - (r.sentiment() == Sentiment.MIXED ? 1 : 0),
        t.negative() - (r.sentiment() == Sentiment.NEGATIVE ? 1 : 0)
      };
      Sentiment majority = majority(others);
      if (others[0] + others[1] + others[2] < minOthers || majority == null) {
        continue;
      }
      counted++;
      agree += r.sentiment() == majority ? 1 : 0;
    }
    return new CriticProfile.Agreement(
        counted == 0 ? null : Math.round((double) agree / counted * 1000) / 1000.0,
        counted,
        minOthers);
  }

  /** The class with the most, in {@link Sentiment} order; null when two tie for the most. */
  private static Sentiment majority(long[] counts) {
    Sentiment best = null;
    long most = -1;
    boolean tie = false;
    for (Sentiment s : Sentiment.values()) {
      long n = counts[s.ordinal()];
      if (n > most) {
        best = s;
        most = n;
        tie = false;
      } else if (n == most) {
        tie = true;
      }
    }
    return tie ? null : best;
  }
}
