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
    Decision known = resolveKnown(normalisedScore, label, pageClass);
    return known != null ? known : resolveTexts(List.of(text)).get(0);
  }

  /**
   * The decision from the review's score, label or page distribution; null when it has none of them
   * and the text model must decide.
   */
  public Decision resolveKnown(Integer normalisedScore, String label, Sentiment pageClass) {
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
    return null;
  }

  /** The text model's decisions for texts with nothing else to go by, in their order. */
  public List<Decision> resolveTexts(List<String> texts) {
    return model.classifyAll(texts).stream()
        .map(
            guess ->
                new Decision(
                    guess.sentiment(), model.source(), guess.confidence(), guess.evidence()))
        .toList();
  }

  /**
   * Whether the text model is worth running in batches apart (see {@link
   * TextSentimentModel#costly}).
   */
  public boolean costly() {
    return model.costly();
  }

  /** Loads the text model now, if it loads lazily (see {@link TextSentimentModel#prepare}). */
  public void prepare() {
    model.prepare();
  }
}
