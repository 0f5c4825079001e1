package pullquote.sentiment;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The accurate tier: the linear model's log-odds plus the transformer's, decided under the cuts the
 * training pipeline tuned on its dev split for that sum. The evidence stays the linear model's
 * words, so a reader still sees why. The transformer loads on the first text that needs it: a build
 * whose reviews all carry a score, label or page distribution never loads it.
 */
public final class AccurateSentimentModel implements TextSentimentModel {

  /** Texts per run of the transformer. */
  private static final int RUN = 16;

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

  private TransformerModel transformer() {
    return transformer.get();
  }

  @Override
  public boolean costly() {
    return true;
  }

  @Override
  public void prepare() {
    transformer();
  }

  @Override
  public Prediction classify(String text) {
    return classifyAll(List.of(text)).get(0);
  }

  /**
   * Runs the transformer over texts of like length together: a batch is padded to its longest text,
   * so sorting by length first spends little on padding.
   */
  @Override
  public List<Prediction> classifyAll(List<String> texts) {
    TransformerModel model = transformer();
    Integer[] byLength = new Integer[texts.size()];
    Arrays.setAll(byLength, i -> i);
    Arrays.sort(byLength, Comparator.comparingInt(i -> texts.get(i).length()));
    Prediction[] predictions = new Prediction[texts.size()];
    for (int from = 0; from < byLength.length; from += RUN) {
      List<Integer> run =
          Arrays.asList(byLength).subList(from, Math.min(from + RUN, byLength.length));
      float[][] outputs = model.outputs(run.stream().map(texts::get).toList());
      for (int i = 0; i < run.size(); i++) {
        predictions[run.get(i)] = decide(texts.get(run.get(i)), outputs[i], model);
      }
    }
    return List.of(predictions);
  }

  private Prediction decide(String text, float[] outputs, TransformerModel model) {
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
