package pullquote.sentiment;

import java.util.List;
import java.util.function.Supplier;

/**
 * The accurate tier: the linear model's log-odds plus the transformer's (its training prior taken
 * out), decided under the cuts the training pipeline tuned on its dev split for that sum. The
 * evidence stays the linear model's words, so a reader still sees why. The transformer loads on the
 * first text that needs it: a build whose reviews all carry a score, label or page distribution
 * never loads it.
 */
public final class AccurateSentimentModel implements TextSentimentModel {

  private final LinearSentimentModel linear;
  private final LoadOnce<TransformerModel> transformer;

  /**
   * @param transformer called once, on the first text to classify (e.g. {@link
   *     TransformerModel#read})
   */
  public AccurateSentimentModel(
      LinearSentimentModel linear, Supplier<TransformerModel> transformer) {
    this.linear = linear;
    this.transformer = new LoadOnce<>(transformer);
  }

  @Override
  public boolean costly() {
    return true;
  }

  @Override
  public void prepare() {
    transformer.get();
  }

  @Override
  public Prediction classify(String text) {
    return classifyAll(List.of(text)).get(0);
  }

  /** Runs the transformer over the texts together, in runs of like length. */
  @Override
  public List<Prediction> classifyAll(List<String> texts) {
    TransformerModel model = transformer.get();
    float[][] outputs = model.outputsInRuns(texts);
    Prediction[] predictions = new Prediction[texts.size()];
    for (int i = 0; i < predictions.length; i++) {
      predictions[i] = decide(texts.get(i), outputs[i], model);
    }
    return List.of(predictions);
  }

  private Prediction decide(String text, float[] outputs, TransformerModel model) {
    double negativeHead =
        outputs.length > 2 ? LogisticRegression.sigmoid(outputs[2]) : 0; // older models: two heads
    // The transformer's polarity carries its training prior (three fresh to one rotten); the
    // linear model's carries none, and neither should their sum for a text with only its words.
    var manifest = model.manifest();
    return linear.classify(
        text,
        new LogOdds(outputs[0] - manifest.polarityPrior(), outputs[1]),
        negativeHead,
        manifest.cuts());
  }

  @Override
  public SentimentSource source() {
    return SentimentSource.TRANSFORMER;
  }
}
