package pullquote.sentiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pullquote.sentiment.TrainingCorpus.Excerpt;
import pullquote.sentiment.TrainingCorpus.Split;

/** How well a model does on held-out excerpts: binary, three-class, and against the baseline. */
public final class SentimentEvaluation {

  private SentimentEvaluation() {}

  /**
   * Accuracy, macro-F1, per-class figures and confusion on the test split, and the two-threshold
   * baseline with the cuts the model was trained with, for --evaluate.
   */
  public static String evaluate(
      TextSentimentModel model, LinearSentimentModel linear, List<Excerpt> corpus) {
    List<Excerpt> test = SentimentTrainer.part(corpus, Split.TEST);
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
    double[] cuts = baselineCuts(linear.metadata());
    if (cuts != null) {
      out.append(
              String.format(
                  java.util.Locale.ROOT,
                  "two-threshold baseline on P(positive) (%.2f / %.2f):%n",
                  cuts[0],
                  cuts[1]))
          .append(baseline(linear, test, cuts).format());
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

  static double binaryAccuracy(TextSentimentModel model, List<Excerpt> excerpts) {
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

  static double balancedAccuracy(TextSentimentModel model, List<Excerpt> excerpts) {
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

  static SentimentMetrics threeClass(TextSentimentModel model, List<Excerpt> excerpts) {
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

  static Sentiment cut(double p, double[] cuts) {
    return p < cuts[0] ? Sentiment.NEGATIVE : p < cuts[1] ? Sentiment.MIXED : Sentiment.POSITIVE;
  }

  static Map<String, Double> leaveOneCollectionOut(List<Excerpt> corpus) {
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
      accuracy.put(held, SentimentTrainer.round((double) right / Math.max(1, n)));
    }
    return accuracy;
  }
}
