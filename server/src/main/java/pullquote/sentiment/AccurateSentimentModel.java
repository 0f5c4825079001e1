package pullquote.sentiment;

import java.util.function.Supplier;

/**
 * The accurate tier: the linear model's log-odds plus the transformer's, decided under the cuts the
 * training pipeline tuned on its dev split for that sum. The evidence stays the linear model's
 * words, so a reader still sees why. The transformer loads on the first text that needs it: a build
 * whose reviews all carry a score, label or page distribution never loads it.
 */
public final class AccurateSentimentModel implements TextSentimentModel {

  private final LinearSentimentModel linear;
  private final Supplier<TransformerModel> transformer;
  private volatile TransformerModel loaded;

  /**
   * @param transformer called once, on the first text to classify (e.g. {@link
   *     TransformerModel#read})
   */
  public AccurateSentimentModel(
      LinearSentimentModel linear, Supplier<TransformerModel> transformer) {
    this.linear = linear;
    this.transformer = transformer;
  }

  private TransformerModel transformer() {
    TransformerModel model = loaded;
    if (model == null) {
      synchronized (this) {
        model = loaded;
        if (model == null) {
          model = transformer.get();
          loaded = model;
        }
      }
    }
    return model;
  }

  @Override
  public Prediction classify(String text) {
    TransformerModel model = transformer();
    float[] outputs = model.outputs(java.util.List.of(text))[0];
    double negativeHead =
        outputs.length > 2 ? LogisticRegression.sigmoid(outputs[2]) : 0; // older models: two heads
    return linear.classify(
        text, new LogOdds(outputs[0], outputs[1]), negativeHead, model.manifest().cuts());
  }

  @Override
  public SentimentSource source() {
    return SentimentSource.TRANSFORMER;
  }
}
