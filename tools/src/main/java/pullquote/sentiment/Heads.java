package pullquote.sentiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pullquote.sentiment.TrainingCorpus.Excerpt;

/**
 * The two linear heads as trained over a vocabulary: polarity (positive against negative, with
 * Naive Bayes log-count ratios scaling each feature) and mixed (mixed against the rest).
 */
final class Heads {

  private static final double NB_SMOOTHING = 1.0;

  private final float[] ratios;
  private final LogisticRegression.Weights polarity;
  private final LogisticRegression.Weights mixed;

  private Heads(
      float[] ratios, LogisticRegression.Weights polarity, LogisticRegression.Weights mixed) {
    this.ratios = ratios;
    this.polarity = polarity;
    this.mixed = mixed;
  }

  static Heads fit(List<Excerpt> train, Vocabulary vocabulary) {
    return fit(train, vocabulary, null, 0);
  }

  /**
   * @param teacher a teacher's P(positive) for each training excerpt, or null
   * @param mix how much of each polarity target is the teacher's (0: the gold label alone)
   */
  static Heads fit(List<Excerpt> train, Vocabulary vocabulary, double[] teacher, double mix) {
    List<int[]> encoded = train.stream().map(e -> vocabulary.encode(e.text())).toList();
    float[] ratios = nbRatios(train, encoded, vocabulary.size());
    List<LogisticRegression.Row> polarityRows = new ArrayList<>();
    List<Integer> polarityTargets = new ArrayList<>();
    List<LogisticRegression.Row> mixedRows = new ArrayList<>();
    List<Integer> mixedTargets = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      Excerpt e = train.get(i);
      int[] features = encoded.get(i);
      if (e.polarity() != null) {
        float[] values = new float[features.length];
        for (int j = 0; j < features.length; j++) {
          values[j] = ratios[features[j]];
        }
        int target = e.polarity() == Sentiment.POSITIVE ? 1 : 0;
        double soft = teacher == null ? target : (1 - mix) * target + mix * teacher[i];
        polarityRows.add(new LogisticRegression.Row(features, values, soft, 1));
        polarityTargets.add(target);
      }
      if (e.scoreClass() != null) {
        float[] ones = new float[features.length];
        Arrays.fill(ones, 1f);
        int target = e.scoreClass() == Sentiment.MIXED ? 1 : 0;
        mixedRows.add(new LogisticRegression.Row(features, ones, target, 1));
        mixedTargets.add(target);
      }
    }
    return new Heads(
        ratios,
        LogisticRegression.train(
            reweighted(polarityRows, polarityTargets),
            vocabulary.size(),
            SentimentTrainer.EPOCHS,
            SentimentTrainer.L2,
            SentimentTrainer.SEED),
        LogisticRegression.train(
            reweighted(mixedRows, mixedTargets),
            vocabulary.size(),
            SentimentTrainer.EPOCHS,
            SentimentTrainer.L2,
            SentimentTrainer.SEED + 1));
  }

  /** Each class weighs as much as the other, so the rarer class is not drowned out. */
  static double[] balancedWeights(List<Integer> targets) {
    long ones = targets.stream().filter(t -> t == 1).count();
    long zeros = targets.size() - ones;
    double[] weights = new double[targets.size()];
    for (int i = 0; i < weights.length; i++) {
      long same = targets.get(i) == 1 ? ones : zeros;
      weights[i] = same == 0 ? 0 : targets.size() / (2.0 * same);
    }
    return weights;
  }

  private static List<LogisticRegression.Row> reweighted(
      List<LogisticRegression.Row> rows, List<Integer> targets) {
    double[] weights = balancedWeights(targets);
    List<LogisticRegression.Row> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      LogisticRegression.Row r = rows.get(i);
      out.add(new LogisticRegression.Row(r.features(), r.values(), r.target(), weights[i]));
    }
    return out;
  }

  /** log((p_f / |p|) / (q_f / |q|)) with add-one smoothing, from positive and negative counts. */
  private static float[] nbRatios(List<Excerpt> train, List<int[]> encoded, int size) {
    double[] p = new double[size];
    double[] q = new double[size];
    Arrays.fill(p, NB_SMOOTHING);
    Arrays.fill(q, NB_SMOOTHING);
    for (int i = 0; i < train.size(); i++) {
      Sentiment polarity = train.get(i).polarity();
      if (polarity == null) {
        continue;
      }
      double[] counts = polarity == Sentiment.POSITIVE ? p : q;
      for (int f : encoded.get(i)) {
        counts[f]++;
      }
    }
    double pSum = Arrays.stream(p).sum();
    double qSum = Arrays.stream(q).sum();
    float[] ratios = new float[size];
    for (int f = 0; f < size; f++) {
      ratios[f] = (float) Math.log((p[f] / pSum) / (q[f] / qSum));
    }
    return ratios;
  }

  double polarityLogit(int[] features) {
    double z = polarity.bias();
    for (int f : features) {
      z += polarity.w()[f] * ratios[f];
    }
    return z;
  }

  double mixedLogit(int[] features) {
    double z = mixed.bias();
    for (int f : features) {
      z += mixed.w()[f];
    }
    return z;
  }

  /** The heads as a hashed model; features whose hashes collide share one summed weight. */
  LinearSentimentModel toModel(
      Vocabulary vocabulary,
      double[] polarityCal,
      double[] mixedCal,
      double[] cuts,
      String metadata) {
    TreeMap<Integer, float[]> byHash = new TreeMap<>();
    for (int f = 0; f < vocabulary.size(); f++) {
      float pw = polarity.w()[f] * ratios[f];
      float mw = mixed.w()[f];
      if (Math.abs(pw) < 1e-5 && Math.abs(mw) < 1e-5) {
        continue;
      }
      float[] sum =
          byHash.computeIfAbsent(
              LinearSentimentModel.hash(vocabulary.features().get(f)), h -> new float[2]);
      sum[0] += pw;
      sum[1] += mw;
    }
    int[] hashes = new int[byHash.size()];
    float[] pws = new float[byHash.size()];
    float[] mws = new float[byHash.size()];
    int i = 0;
    for (Map.Entry<Integer, float[]> entry : byHash.entrySet()) {
      hashes[i] = entry.getKey();
      pws[i] = entry.getValue()[0];
      mws[i] = entry.getValue()[1];
      i++;
    }
    return new LinearSentimentModel(
        new LinearSentimentModel.Parameters(
            hashes,
            pws,
            mws,
            polarity.bias(),
            mixed.bias(),
            polarityCal[0],
            polarityCal[1],
            mixedCal[0],
            mixedCal[1],
            cuts[0],
            cuts[1],
            cuts[2]),
        metadata);
  }
}
