package pullquote.search;

/**
 * What every review of one work adds up to: how many, how many scored and their scores' sum, and
 * the sentiment mix. A profile compares a critic's review with the others on the same work by
 * taking the critic's own review out of these.
 */
public record WorkTally(
    long reviews, long scored, long scoreSum, long positive, long mixed, long negative) {

  public WorkTally {
    if (reviews < 0 || scored < 0 || scored > reviews || positive + mixed + negative != reviews) {
      throw new IllegalArgumentException("inconsistent tally");
    }
  }

  public static final WorkTally NONE = new WorkTally(0, 0, 0, 0, 0, 0);

  /** This tally and one more review. */
  public WorkTally plus(Integer score, pullquote.sentiment.Sentiment sentiment) {
    return new WorkTally(
        reviews + 1,
        scored + (score == null ? 0 : 1),
        scoreSum + (score == null ? 0 : score),
        positive + (sentiment == pullquote.sentiment.Sentiment.POSITIVE ? 1 : 0),
        mixed + (sentiment == pullquote.sentiment.Sentiment.MIXED ? 1 : 0),
        negative + (sentiment == pullquote.sentiment.Sentiment.NEGATIVE ? 1 : 0));
  }
}
