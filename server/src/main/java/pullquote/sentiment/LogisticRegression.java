package pullquote.sentiment;

import java.util.List;
import java.util.Random;

/**
 * Binary logistic regression over sparse features, trained by AdaGrad SGD in a seeded order, so the
 * same data always gives the same weights to the bit.
 */
final class LogisticRegression {

  /**
   * One training row: feature indices, their values, the target (0 or 1, or a probability between
   * when the label is soft, as in distillation) and a row weight.
   */
  record Row(int[] features, float[] values, double target, double weight) {}

  /** The trained weights. */
  record Weights(float[] w, float bias) {
    double logit(int[] features, float[] values) {
      double z = bias;
      for (int i = 0; i < features.length; i++) {
        z += w[features[i]] * values[i];
      }
      return z;
    }
  }

  /** AdaGrad's base rate; lower rates generalised better on dev (0.3: 0.798, 0.02: 0.800). */
  static final double RATE = 0.02;

  private LogisticRegression() {}

  static Weights train(List<Row> rows, int dimensions, int epochs, double l2, long seed) {
    double[] w = new double[dimensions];
    double[] g2 = new double[dimensions];
    double bias = 0;
    double biasG2 = 0;
    double rate = RATE;
    int[] order = new int[rows.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (int index : order) {
        Row row = rows.get(index);
        double z = bias;
        for (int i = 0; i < row.features().length; i++) {
          z += w[row.features()[i]] * row.values()[i];
        }
        double error = (sigmoid(z) - row.target()) * row.weight();
        for (int i = 0; i < row.features().length; i++) {
          int f = row.features()[i];
          double grad = error * row.values()[i] + l2 * w[f];
          g2[f] += grad * grad;
          w[f] -= rate * grad / (Math.sqrt(g2[f]) + 1e-8);
        }
        biasG2 += error * error;
        bias -= rate * error / (Math.sqrt(biasG2) + 1e-8);
      }
    }
    float[] weights = new float[dimensions];
    for (int i = 0; i < dimensions; i++) {
      weights[i] = (float) w[i];
    }
    return new Weights(weights, (float) bias);
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /**
   * Platt scaling: the a, b of σ(a·z + b) that best fit the targets (weighted log loss), by
   * Newton's method with a halving line search, on a held-out set.
   */
  static double[] platt(double[] logits, int[] targets, double[] weights) {
    double a = 1;
    double b = 0;
    double loss = loss(logits, targets, weights, a, b);
    for (int iteration = 0; iteration < 100; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-9;
      double hab = 0;
      double hbb = 1e-9;
      for (int i = 0; i < logits.length; i++) {
        double p = sigmoid(a * logits[i] + b);
        double d = (p - targets[i]) * weights[i];
        double h = p * (1 - p) * weights[i];
        ga += d * logits[i];
        gb += d;
        haa += h * logits[i] * logits[i];
        hab += h * logits[i];
        hbb += h;
      }
      double det = haa * hbb - hab * hab;
      double da = Math.abs(det) < 1e-12 ? ga * 1e-3 : (hbb * ga - hab * gb) / det;
      double db = Math.abs(det) < 1e-12 ? gb * 1e-3 : (haa * gb - hab * ga) / det;
      double step = 1;
      double next = loss(logits, targets, weights, a - da, b - db);
      while (next > loss && step > 1e-6) {
        step /= 2;
        next = loss(logits, targets, weights, a - step * da, b - step * db);
      }
      if (next > loss) {
        break;
      }
      a -= step * da;
      b -= step * db;
      boolean converged = loss - next < 1e-10;
      loss = next;
      if (converged) {
        break;
      }
    }
    return new double[] {a, b};
  }

  private static double loss(double[] logits, int[] targets, double[] weights, double a, double b) {
    double loss = 0;
    for (int i = 0; i < logits.length; i++) {
      double z = a * logits[i] + b;
      // log(1 + e^z) - t·z, written to stay finite for large |z|
      double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      loss += weights[i] * (softplus - targets[i] * z);
    }
    return loss;
  }
}
