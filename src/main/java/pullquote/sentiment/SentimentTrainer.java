package pullquote.sentiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
    List<Excerpt> train = part(corpus, Split.TRAIN);
    List<Excerpt> dev = part(corpus, Split.DEV);
    List<Excerpt> test = part(corpus, Split.TEST);
    Vocabulary vocabulary = Vocabulary.of(train);
    Heads heads = Heads.fit(train, vocabulary);
    double[] polarityCal = calibratePolarity(dev, vocabulary, heads);
    double[] mixedCal = calibrateMixed(dev, vocabulary, heads);
    LinearSentimentModel draft =
        heads.toModel(vocabulary, polarityCal, mixedCal, new double[] {1, 0.5, 0.5}, "{}");
    double[] cuts = tuneCuts(draft, dev);
    double[] baseline = tuneBaseline(draft, dev);
    LinearSentimentModel tuned = heads.toModel(vocabulary, polarityCal, mixedCal, cuts, "{}");

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("test_binary_accuracy", round(binaryAccuracy(tuned, test)));
    figures.put("test_binary_balanced_accuracy", round(balancedAccuracy(tuned, test)));
    figures.put("dev_binary_balanced_accuracy", round(balancedAccuracy(tuned, dev)));
    figures.put("test_three_class", threeClass(tuned, test).summary());
    figures.put("test_two_threshold_baseline", baseline(tuned, test, baseline).summary());
    figures.put("dev_three_class", threeClass(tuned, dev).summary());
    figures.put("leave_one_collection_out_binary_accuracy", leaveOneCollectionOut(corpus));

    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(
        "model",
        "NB-weighted logistic regression (polarity) and a logistic mixed head over word unigrams"
            + " and bigrams with negation scope and character 5-grams; Platt-calibrated; cuts tuned"
            + " on dev");
    metadata.put("trained_on", date.toString());
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
        .append(threeClass(model, test).format());
    report
        .append(
            String.format(
                java.util.Locale.ROOT,
                "two-threshold baseline on P(positive) (%.2f / %.2f):%n",
                baseline[0],
                baseline[1]))
        .append(baseline(model, test, baseline).format());
    report
        .append("binary accuracy on each collection, trained without it: ")
        .append(figures.get("leave_one_collection_out_binary_accuracy"))
        .append('\n');
    return report.toString();
  }

  /**
   * Accuracy, macro-F1, per-class figures and confusion on the test split, and the two-threshold
   * baseline with the cuts the model was trained with, for --evaluate.
   */
  public static String evaluate(LinearSentimentModel model, List<Excerpt> corpus) {
    List<Excerpt> test = part(corpus, Split.TEST);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            java.util.Locale.ROOT,
            "binary accuracy (test, n=%d): %.3f, balanced %.3f%n",
            test.stream().filter(e -> e.polarity() != null).count(),
            binaryAccuracy(model, test),
            balancedAccuracy(model, test)));
    out.append("three classes (test, excerpts with scores):\n")
        .append(threeClass(model, test).format());
    double[] cuts = baselineCuts(model.metadata());
    if (cuts != null) {
      out.append(
              String.format(
                  java.util.Locale.ROOT,
                  "two-threshold baseline on P(positive) (%.2f / %.2f):%n",
                  cuts[0],
                  cuts[1]))
          .append(baseline(model, test, cuts).format());
    }
    return out.toString();
  }

  private static double[] baselineCuts(String metadata) {
    try {
      var cuts = new ObjectMapper().readTree(metadata).path("baseline_cuts");
      return cuts.size() == 2
          ? new double[] {cuts.get(0).asDouble(), cuts.get(1).asDouble()}
          : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static List<Excerpt> part(List<Excerpt> corpus, Split split) {
    return corpus.stream().filter(e -> e.split() == split).toList();
  }

  static double binaryAccuracy(LinearSentimentModel model, List<Excerpt> excerpts) {
    long right = 0;
    long n = 0;
    for (Excerpt e : excerpts) {
      if (e.polarity() != null) {
        TextSentimentModel.Prediction p = model.classify(e.text());
        Sentiment guess = p.positive() >= p.negative() ? Sentiment.POSITIVE : Sentiment.NEGATIVE;
        right += guess == e.polarity() ? 1 : 0;
        n++;
      }
    }
    return n == 0 ? 0 : (double) right / n;
  }

  static double balancedAccuracy(LinearSentimentModel model, List<Excerpt> excerpts) {
    double[] right = new double[2];
    double[] n = new double[2];
    for (Excerpt e : excerpts) {
      if (e.polarity() != null) {
        TextSentimentModel.Prediction p = model.classify(e.text());
        int truth = e.polarity() == Sentiment.POSITIVE ? 1 : 0;
        int guess = p.positive() >= p.negative() ? 1 : 0;
        right[truth] += guess == truth ? 1 : 0;
        n[truth]++;
      }
    }
    return (right[0] / Math.max(1, n[0]) + right[1] / Math.max(1, n[1])) / 2;
  }

  static SentimentMetrics threeClass(LinearSentimentModel model, List<Excerpt> excerpts) {
    SentimentMetrics metrics = new SentimentMetrics();
    for (Excerpt e : excerpts) {
      if (e.scoreClass() != null) {
        metrics.add(e.scoreClass(), model.classify(e.text()).sentiment());
      }
    }
    return metrics;
  }

  static SentimentMetrics baseline(
      LinearSentimentModel model, List<Excerpt> excerpts, double[] cuts) {
    SentimentMetrics metrics = new SentimentMetrics();
    for (Excerpt e : excerpts) {
      if (e.scoreClass() != null) {
        metrics.add(e.scoreClass(), cut(model.positiveVsNegative(e.text()), cuts));
      }
    }
    return metrics;
  }

  private static Sentiment cut(double p, double[] cuts) {
    return p < cuts[0] ? Sentiment.NEGATIVE : p < cuts[1] ? Sentiment.MIXED : Sentiment.POSITIVE;
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
                LinearSentimentModel.decide(polarity[i], mixed[i], cuts[0], cuts[1], cuts[2]));
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
          m.add(scored.get(i).scoreClass(), cut(polarity[i], cuts));
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
  private static Map<String, Double> leaveOneCollectionOut(List<Excerpt> corpus) {
    Map<String, Long> sizes = new TreeMap<>();
    corpus.forEach(e -> sizes.merge(e.collection(), 1L, Long::sum));
    Map<String, Double> accuracy = new LinkedHashMap<>();
    for (String held : sizes.keySet()) {
      if (sizes.size() < 2 || sizes.get(held) < 500) {
        continue;
      }
      List<Excerpt> rest = corpus.stream().filter(e -> !e.collection().equals(held)).toList();
      Vocabulary vocabulary = Vocabulary.of(rest);
      Heads heads = Heads.fit(rest, vocabulary);
      long right = 0;
      long n = 0;
      for (Excerpt e : corpus) {
        if (e.collection().equals(held) && e.polarity() != null) {
          boolean positive = heads.polarityLogit(vocabulary.encode(e.text())) >= 0;
          right += positive == (e.polarity() == Sentiment.POSITIVE) ? 1 : 0;
          n++;
        }
      }
      accuracy.put(held, round((double) right / Math.max(1, n)));
    }
    return accuracy;
  }

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

  /** The features seen in at least {@link #MIN_DOCUMENT_FREQUENCY} training excerpts. */
  record Vocabulary(Map<String, Integer> index, List<String> features) {
    static Vocabulary of(List<Excerpt> excerpts) {
      Map<String, Integer> df = new HashMap<>();
      for (Excerpt e : excerpts) {
        for (String f : new java.util.HashSet<>(TextFeatures.features(e.text()))) {
          df.merge(f, 1, Integer::sum);
        }
      }
      List<String> kept =
          new ArrayList<>(
              df.entrySet().stream()
                  .filter(x -> x.getValue() >= MIN_DOCUMENT_FREQUENCY)
                  .map(Map.Entry::getKey)
                  .sorted()
                  .toList());
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < kept.size(); i++) {
        index.put(kept.get(i), i);
      }
      return new Vocabulary(index, kept);
    }

    int size() {
      return features.size();
    }

    int[] encode(String text) {
      return TextFeatures.features(text).stream()
          .map(index::get)
          .filter(i -> i != null)
          .mapToInt(Integer::intValue)
          .distinct()
          .sorted()
          .toArray();
    }
  }
}
