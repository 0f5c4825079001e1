package pullquote.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;
import pullquote.sentiment.TextSentimentModel;

/**
 * Chooses a review's sentiment from the strongest evidence it has: its normalised score, else its
 * label, else its page's distribution, else the text model.
 */
public final class SentimentResolver {

  private static final Map<String, Sentiment> LABELS =
      Map.ofEntries(
          Map.entry("positive", Sentiment.POSITIVE),
          Map.entry("pos", Sentiment.POSITIVE),
          Map.entry("fresh", Sentiment.POSITIVE),
          Map.entry("mixed", Sentiment.MIXED),
          Map.entry("neutral", Sentiment.MIXED),
          Map.entry("negative", Sentiment.NEGATIVE),
          Map.entry("neg", Sentiment.NEGATIVE),
          Map.entry("rotten", Sentiment.NEGATIVE));

  private final TextSentimentModel model;

  public SentimentResolver(TextSentimentModel model) {
    this.model = model;
  }

  /**
   * The chosen class, its source, and when the model chose, its confidence and the words that
   * decided it.
   */
  public record Decision(
      Sentiment sentiment, SentimentSource source, Double confidence, List<String> evidence) {
    Decision(Sentiment sentiment, SentimentSource source) {
      this(sentiment, source, null, List.of());
    }
  }

  public Decision resolve(Integer normalisedScore, String label, Sentiment pageClass, String text) {
    if (normalisedScore != null) {
      return new Decision(Sentiment.fromScore(normalisedScore), SentimentSource.SCORE);
    }
    Sentiment labelled = label == null ? null : LABELS.get(label.strip().toLowerCase(Locale.ROOT));
    if (labelled != null) {
      return new Decision(labelled, SentimentSource.LABEL);
    }
    if (pageClass != null) {
      return new Decision(pageClass, SentimentSource.PAGE);
    }
    TextSentimentModel.Prediction guess = model.classify(text);
    return new Decision(guess.sentiment(), model.source(), guess.confidence(), guess.evidence());
  }
}
