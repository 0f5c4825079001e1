package pullquote.bench;

import java.util.List;

/**
 * What one engine answered to a query.
 *
 * @param top the first page of hits, best first
 * @param total how many reviews matched
 */
public record RankedAnswer(List<Hit> top, long total) {

  public RankedAnswer {
    top = List.copyOf(top);
    if (total < top.size()) {
      throw new IllegalArgumentException("total " + total + " below the hits shown");
    }
  }

  /** The outcome for the query's target. */
  public Outcome outcomeFor(Hit target) {
    return new Outcome(target.rankIn(top), total);
  }

  /**
   * Where an engine ranked a query's target.
   *
   * @param rank from 1, within the first page; null when the target is not on it
   * @param total how many reviews matched
   */
  public record Outcome(Integer rank, long total) {

    public Outcome {
      if (rank != null && rank < 1) {
        throw new IllegalArgumentException("ranks start at 1");
      }
    }

    public boolean first() {
      return rank != null && rank == 1;
    }

    public boolean inTop3() {
      return rank != null && rank <= 3;
    }

    public boolean zeroHit() {
      return total == 0;
    }
  }
}
