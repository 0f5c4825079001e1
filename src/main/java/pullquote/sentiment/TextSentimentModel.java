package pullquote.sentiment;

/** Guesses a sentiment from an excerpt's words alone, for reviews with no other evidence. */
public interface TextSentimentModel {

  /** Classifies one excerpt; never fails, whatever the text. */
  Prediction classify(String text);

  /** A model's answer: the class and its confidence in [0, 1]. */
  record Prediction(Sentiment sentiment, double confidence) {
    public Prediction {
      if (sentiment == null) {
        throw new IllegalArgumentException("sentiment is required");
      }
      if (!(confidence >= 0 && confidence <= 1)) {
        throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
      }
    }
  }
}
