package pullquote.sentiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pullquote.sentiment.TrainingCorpus.Excerpt;
import pullquote.sentiment.TrainingCorpus.Split;

/**
 * Trains the {@link LinearSentimentModel} deterministically: vocabulary and weights from the train
 * split, calibration and the mixed threshold from the dev split, figures from the test split.
 */
public final class SentimentTrainer {

  /** Hyperparameters; fixed so training is reproducible. */
  static final int MIN_DOCUMENT_FREQUENCY = 2;

  static final int EPOCHS = 10;
  static final double L2 = 1e-6;
  static final long SEED = 20261122L;

  /** Mixed may not take more than this share of the predictions on held-out data. */
  static final double MAX_MIXED_SHARE = 0.25;

  /** A trained model and a readable report of what it reached. */
  public record Result(LinearSentimentModel model, String report) {}

  private SentimentTrainer() {}

  public static Result train(List<Excerpt> corpus, String dataDescription, LocalDate date) {
    return train(corpus, dataDescription, date, null);
  }

  /**
   * A teacher's soft labels for distillation: its name for the model's metadata, and how it labels
   * texts.
   */
  public record Teacher(String name, java.util.function.Function<List<String>, double[]> labels) {}

  /** Share of each polarity target that comes from the teacher when distilling. */
  static final double DISTILLATION_MIX = 0.5;

  /**
   * @param teacher whose P(positive) makes half of each training excerpt's polarity target, or null
   *     to train on the gold labels alone
   */
  public static Result train(
      List<Excerpt> corpus, String dataDescription, LocalDate date, Teacher teacher) {
    List<Excerpt> train = part(corpus, Split.TRAIN);
    List<Excerpt> dev = part(corpus, Split.DEV);
    List<Excerpt> test = part(corpus, Split.TEST);
    Vocabulary vocabulary = Vocabulary.of(train);
    Heads heads =
        teacher == null
            ? Heads.fit(train, vocabulary)
            : Heads.fit(
                train,
                vocabulary,
                teacher.labels().apply(train.stream().map(Excerpt::text).toList()),
                DISTILLATION_MIX);
    double[] polarityCal = calibratePolarity(dev, vocabulary, heads);
    double[] mixedCal = calibrateMixed(dev, vocabulary, heads);
    LinearSentimentModel draft =
        heads.toModel(vocabulary, polarityCal, mixedCal, new double[] {1, 0.5, 0.5}, "{}");
    double[] cuts = tuneCuts(draft, dev);
    double[] baseline = tuneBaseline(draft, dev);
    LinearSentimentModel tuned = heads.toModel(vocabulary, polarityCal, mixedCal, cuts, "{}");

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("test_binary_accuracy", round(SentimentEvaluation.binaryAccuracy(tuned, test)));
    figures.put(
        "test_binary_balanced_accuracy", round(SentimentEvaluation.balancedAccuracy(tuned, test)));
    figures.put(
        "dev_binary_balanced_accuracy", round(SentimentEvaluation.balancedAccuracy(tuned, dev)));
    figures.put("test_three_class", SentimentEvaluation.threeClass(tuned, test).summary());
    figures.put(
        "test_two_threshold_baseline",
        SentimentEvaluation.baseline(tuned, test, baseline).summary());
    figures.put("dev_three_class", SentimentEvaluation.threeClass(tuned, dev).summary());
    figures.put(
        "leave_one_collection_out_binary_accuracy",
        SentimentEvaluation.leaveOneCollectionOut(corpus));

    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(
        "model",
        "NB-weighted logistic regression (polarity) and a logistic mixed head over word unigrams"
            + " and bigrams with negation scope and character 5-grams; Platt-calibrated; cuts tuned"
            + " on dev");
    metadata.put("trained_on", date.toString());
    if (teacher != null) {
      metadata.put(
          "distilled_from", teacher.name() + ": half of each polarity target is its P(positive)");
    }
    metadata.put("data", dataDescription);
    metadata.put(
        "split", "by work: a tenth test, a tenth dev, the rest train; repeated texts kept once");
    metadata.put("rows", rowCounts(corpus, train, dev, test));
    metadata.put("features", vocabulary.size());
    metadata.put("mixed_threshold", round(cuts[0]));
    metadata.put("positive_cut", round(cuts[1]));
    metadata.put("negative_cut", round(cuts[2]));
    metadata.put("baseline_cuts", List.of(round(baseline[0]), round(baseline[1])));
    metadata.put(
        "hyperparameters",
        new TreeMap<>(
            Map.of(
                "epochs",
                EPOCHS,
                "l2",
                L2,
                "rate",
                LogisticRegression.RATE,
                "seed",
                SEED,
                "min_df",
                MIN_DOCUMENT_FREQUENCY)));
    metadata.put("figures", figures);
    LinearSentimentModel model =
        heads.toModel(vocabulary, polarityCal, mixedCal, cuts, json(metadata));
    return new Result(model, report(metadata, figures, model, test, baseline));
  }

  private static String report(
      Map<String, Object> metadata,
      Map<String, Object> figures,
      LinearSentimentModel model,
      List<Excerpt> test,
      double[] baseline) {
    StringBuilder report = new StringBuilder();
    report.append("rows: ").append(metadata.get("rows")).append('\n');
    report.append(
        String.format(
            java.util.Locale.ROOT,
            "binary accuracy (test): %.3f, balanced %.3f (dev balanced %.3f)%n",
            figures.get("test_binary_accuracy"),
            figures.get("test_binary_balanced_accuracy"),
            figures.get("dev_binary_balanced_accuracy")));
    report
        .append(
            String.format(
                java.util.Locale.ROOT,
                "three classes (test, excerpts with scores; negative at P(positive) < %.2f, else"
                    + " mixed at P(mixed) >= %.2f or P(positive) < %.2f, else positive):%n",
                metadata.get("negative_cut"),
                metadata.get("mixed_threshold"),
                metadata.get("positive_cut")))
        .append(SentimentEvaluation.threeClass(model, test).format());
    report
        .append(
            String.format(
                java.util.Locale.ROOT,
                "two-threshold baseline on P(positive) (%.2f / %.2f):%n",
                baseline[0],
                baseline[1]))
        .append(SentimentEvaluation.baseline(model, test, baseline).format());
    report
        .append("binary accuracy on each collection, trained without it: ")
        .append(figures.get("leave_one_collection_out_binary_accuracy"))
        .append('\n');
    return report.toString();
  }

  static List<Excerpt> part(List<Excerpt> corpus, Split split) {
    return corpus.stream().filter(e -> e.split() == split).toList();
  }

  /**
   * The cuts of the three-class rule with the best dev macro-F1 among those that keep mixed under
   * {@link #MAX_MIXED_SHARE} of the guesses: negative below a cut on P(positive); else mixed when
   * P(mixed) passes its threshold or P(positive) is below a second cut; else positive. With the
   * mixed threshold at 1 this is the two-threshold baseline, so on dev it never does worse.
   */
  private static double[] tuneCuts(LinearSentimentModel draft, List<Excerpt> dev) {
    List<Excerpt> scored = dev.stream().filter(e -> e.scoreClass() != null).toList();
    double[] mixed = scored.stream().mapToDouble(e -> draft.classify(e.text()).mixed()).toArray();
    double[] polarity =
        scored.stream().mapToDouble(e -> draft.positiveVsNegative(e.text())).toArray();
    double[] best = {1, 0.5, 0.5};
    double bestF1 = -1;
    for (int t = 10; t <= 100; t += 2) {
      for (int lo = 2; lo <= 60; lo += 2) {
        for (int hi = lo; hi <= 90; hi += 2) {
          double[] cuts = {t / 100.0, hi / 100.0, lo / 100.0};
          SentimentMetrics m = new SentimentMetrics();
          for (int i = 0; i < scored.size(); i++) {
            m.add(
                scored.get(i).scoreClass(),
                LinearSentimentModel.decide(
                    polarity[i], mixed[i], 0, Cuts.of(cuts[0], cuts[1], cuts[2])));
          }
          if (m.predictedShare(Sentiment.MIXED) <= MAX_MIXED_SHARE && m.macroF1() > bestF1) {
            bestF1 = m.macroF1();
            best = cuts;
          }
        }
      }
    }
    return best;
  }

  /** The baseline's two cuts on P(positive), tuned on dev for macro-F1. */
  private static double[] tuneBaseline(LinearSentimentModel draft, List<Excerpt> dev) {
    List<Excerpt> scored = dev.stream().filter(e -> e.scoreClass() != null).toList();
    double[] polarity =
        scored.stream().mapToDouble(e -> draft.positiveVsNegative(e.text())).toArray();
    double[] best = {0.5, 0.5};
    double bestF1 = -1;
    for (int lo = 2; lo <= 90; lo += 2) {
      for (int hi = lo; hi <= 98; hi += 2) {
        double[] cuts = {lo / 100.0, hi / 100.0};
        SentimentMetrics m = new SentimentMetrics();
        for (int i = 0; i < scored.size(); i++) {
          m.add(scored.get(i).scoreClass(), SentimentEvaluation.cut(polarity[i], cuts));
        }
        if (m.macroF1() > bestF1) {
          bestF1 = m.macroF1();
          best = cuts;
        }
      }
    }
    return best;
  }

  private static double[] calibratePolarity(List<Excerpt> dev, Vocabulary vocabulary, Heads heads) {
    List<Excerpt> labelled = dev.stream().filter(e -> e.polarity() != null).toList();
    double[] logits = new double[labelled.size()];
    int[] targets = new int[labelled.size()];
    double[] weights =
        Heads.balancedWeights(
            labelled.stream().map(e -> e.polarity() == Sentiment.POSITIVE ? 1 : 0).toList());
    for (int i = 0; i < labelled.size(); i++) {
      logits[i] = heads.polarityLogit(vocabulary.encode(labelled.get(i).text()));
      targets[i] = labelled.get(i).polarity() == Sentiment.POSITIVE ? 1 : 0;
    }
    return LogisticRegression.platt(logits, targets, weights);
  }

  private static double[] calibrateMixed(List<Excerpt> dev, Vocabulary vocabulary, Heads heads) {
    List<Excerpt> scored = dev.stream().filter(e -> e.scoreClass() != null).toList();
    double[] logits = new double[scored.size()];
    int[] targets = new int[scored.size()];
    double[] weights = new double[scored.size()];
    for (int i = 0; i < scored.size(); i++) {
      logits[i] = heads.mixedLogit(vocabulary.encode(scored.get(i).text()));
      targets[i] = scored.get(i).scoreClass() == Sentiment.MIXED ? 1 : 0;
      weights[i] = 1;
    }
    return LogisticRegression.platt(logits, targets, weights);
  }

  /** Binary accuracy on each collection by a polarity head trained on the others. */
  private static Map<String, Object> rowCounts(
      List<Excerpt> all, List<Excerpt> train, List<Excerpt> dev, List<Excerpt> test) {
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.put("distinct_labelled", all.size());
    rows.put("train", train.size());
    rows.put("dev", dev.size());
    rows.put("test", test.size());
    rows.put("with_scores", all.stream().filter(e -> e.scoreClass() != null).count());
    return rows;
  }

  private static String json(Map<String, Object> metadata) {
    try {
      return new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
