package pullquote.sentiment;

import java.util.List;

/** Guesses a sentiment from an excerpt's words alone, for reviews with no other evidence. */
public interface TextSentimentModel {

  /** Classifies one excerpt; never fails, whatever the text. */
  Prediction classify(String text);

  /**
   * Classifies excerpts together, in their order; a model that runs faster in batches overrides it.
   * Called from several threads at once.
   */
  default List<Prediction> classifyAll(List<String> texts) {
    return texts.stream().map(this::classify).toList();
  }

  /**
   * Whether a text costs enough (milliseconds) that the indexer should decide text-only reviews in
   * batches on threads of their own. A cheap model is run in line on the reading thread: for the
   * linear model (microseconds) handing texts to other threads cost more than it saved, as both
   * cores are busy indexing.
   */
  default boolean costly() {
    return false;
  }

  /**
   * Loads what the model loads lazily, now: the indexer calls it off the reading thread as soon as
   * it knows a text will need the model. Throws what loading throws.
   */
  default void prepare() {}

  /** How a review this model decided names its source: the fast tier is {@code model}. */
  default SentimentSource source() {
    return SentimentSource.MODEL;
  }

  /**
   * A model's answer.
   *
   * @param sentiment the chosen class
   * @param confidence the chosen class's probability
   * @param evidence up to three words or phrases of the text that pushed the decision most
   */
  record Prediction(
      Sentiment sentiment,
      double confidence,
      double positive,
      double mixed,
      double negative,
      List<String> evidence) {
    public Prediction {
      if (sentiment == null) {
        throw new IllegalArgumentException("sentiment is required");
      }
      for (double p : new double[] {confidence, positive, mixed, negative}) {
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException("probabilities must be in [0, 1]: " + p);
        }
      }
      evidence = List.copyOf(evidence);
    }
  }
}
