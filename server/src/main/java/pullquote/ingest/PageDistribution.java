package pullquote.ingest;

import java.util.List;
import pullquote.sentiment.RatingScale;
import pullquote.sentiment.Sentiment;

/**
 * A page's stated score distribution. Metacritic lists reviews by score, highest first, so the
 * first {@code positive} entries are positive, the next {@code mixed} mixed, the rest negative.
 */
record PageDistribution(int positive, int mixed, int negative, boolean stated) {

  private static final PageDistribution NONE = new PageDistribution(0, 0, 0, false);

  /** Mixed is the remainder when the page states only positive and negative counts. */
  static PageDistribution of(Integer positive, Integer mixed, Integer negative, Integer total) {
    if (positive == null && negative == null && mixed == null) {
      return NONE;
    }
    int p = positive == null ? 0 : positive;
    int n = negative == null ? 0 : negative;
    int m = mixed != null ? mixed : total == null ? -1 : total - p - n;
    if (m < 0 || p < 0 || n < 0) {
      return new PageDistribution(0, 0, 0, true);
    }
    return new PageDistribution(p, m, n, true);
  }

  int total() {
    return positive + mixed + negative;
  }

  Sentiment classOf(int entryNumber) {
    if (entryNumber <= positive) {
      return Sentiment.POSITIVE;
    }
    return entryNumber <= positive + mixed ? Sentiment.MIXED : Sentiment.NEGATIVE;
  }

  /**
   * Whether entries can be placed by position: the counts add up to the entries on the page and
   * every score the page shows falls in the band its position implies.
   */
  boolean agreesWith(List<PageEntry> parsed, int entriesOnPage) {
    if (!stated || total() == 0 || total() != entriesOnPage) {
      return false;
    }
    for (PageEntry entry : parsed) {
      if (entry.scoreRaw() == null) {
        continue;
      }
      var score = RatingScale.normalise(entry.scoreRaw(), RatingScale.Context.PAGE);
      if (score.isPresent() && Sentiment.fromScore(score.get()) != classOf(entry.number())) {
        return false;
      }
    }
    return true;
  }
}
