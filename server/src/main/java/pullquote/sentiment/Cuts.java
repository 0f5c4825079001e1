package pullquote.sentiment;

/**
 * The three-class rule's cuts, as {@link LinearSentimentModel#decide} applies them: the linear
 * model's own, or those the transformer's training pipeline tuned on its dev split for the summed
 * log-odds.
 *
 * @param mixedScale multiplies the summed mixed log-odds (1 for one model; 0.5 averages two)
 * @param mixedThreshold P(mixed) at or above which a text is mixed
 * @param positiveCut P(positive) below which a text is not positive
 * @param negativeCut P(positive) below which a text is negative
 * @param negativeThreshold P from the transformer's negative head at or above which a text short of
 *     the positive cut is negative; 1 leaves that head out
 */
public record Cuts(
    double mixedScale,
    double mixedThreshold,
    double positiveCut,
    double negativeCut,
    double negativeThreshold) {

  public Cuts {
    if (!(negativeCut <= positiveCut)
        || !(mixedThreshold > 0 && mixedThreshold <= 1)
        || !(mixedScale > 0)
        || !(negativeThreshold > 0 && negativeThreshold <= 1)) {
      throw new IllegalArgumentException("the decision's cuts are out of order");
    }
  }

  /** Cuts without the negative head (a model that has none). */
  public static Cuts of(double mixedThreshold, double positiveCut, double negativeCut) {
    return new Cuts(1, mixedThreshold, positiveCut, negativeCut, 1);
  }

  boolean negativeHeadVotes(double negativeHead) {
    return negativeThreshold < 1 && negativeHead >= negativeThreshold;
  }
}
