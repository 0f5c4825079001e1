package pullquote.search.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import pullquote.search.FacetCounts;
import pullquote.search.ReviewHit;

/**
 * Who a critic is, by their reviews.
 *
 * @param name the name as the critic's reviews spell it
 * @param firstYear the year of the earliest dated review, or null
 * @param publications where the reviews appeared, most often first
 * @param sentiment the reviews' sentiment mix
 * @param score the scored reviews in ten buckets, as the score facet counts them
 * @param meanScore the mean normalised score, or null when no review has one
 * @param generosity how far above (or below) the other critics of the same works the critic scores
 * @param agreement how often the critic is on the side of the other critics of a work
 * @param mostFavourable the highest-scored reviews, highest first
 * @param harshest the lowest-scored reviews, lowest first
 * @param works every work reviewed (up to {@link Profiles#LISTED_WORKS}), in the order asked
 */
public record CriticProfile(
    String name,
    long reviews,
    Integer firstYear,
    Integer lastYear,
    List<FacetCounts.FacetValue> publications,
    Map<String, Long> sentiment,
    Map<String, Long> score,
    Double meanScore,
    long scored,
    Generosity generosity,
    Agreement agreement,
    List<ReviewHit> mostFavourable,
    List<ReviewHit> harshest,
    List<WorkReviewed> works) {

  /**
   * The mean, over the critic's scored reviews of works another critic scored too, of the critic's
   * score minus the mean of the others' scores on that work.
   *
   * @param points that mean, to one decimal; null when no work qualifies
   * @param works how many of the critic's reviews it rests on
   */
  public record Generosity(Double points, long works) {}

  /**
   * The share of the critic's reviews of works at least {@code minOthers} other critics reviewed
   * whose sentiment is the one most of those others gave (a work where two classes tie is left
   * out).
   *
   * @param share agreeing reviews over counted ones, to three decimals; null when none counted
   * @param works how many reviews were counted
   */
  public record Agreement(Double share, long works, int minOthers) {}

  /** One review in the list of works reviewed. */
  public record WorkReviewed(
      String work, String id, Integer score, String scoreRaw, String sentiment, LocalDate date) {}
}
