package pullquote.sentiment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A confusion matrix over the three classes and the figures read from it. */
public final class SentimentMetrics {

  private final long[][] counts = new long[3][3];

  public void add(Sentiment truth, Sentiment predicted) {
    counts[truth.ordinal()][predicted.ordinal()]++;
  }

  public long total() {
    long n = 0;
    for (long[] row : counts) {
      for (long c : row) {
        n += c;
      }
    }
    return n;
  }

  public double accuracy() {
    long right = 0;
    for (int i = 0; i < 3; i++) {
      right += counts[i][i];
    }
    return total() == 0 ? 0 : (double) right / total();
  }

  public double precision(Sentiment s) {
    long predicted = 0;
    for (int i = 0; i < 3; i++) {
      predicted += counts[i][s.ordinal()];
    }
    return predicted == 0 ? 0 : (double) counts[s.ordinal()][s.ordinal()] / predicted;
  }

  public double recall(Sentiment s) {
    long actual = 0;
    for (int j = 0; j < 3; j++) {
      actual += counts[s.ordinal()][j];
    }
    return actual == 0 ? 0 : (double) counts[s.ordinal()][s.ordinal()] / actual;
  }

  public double f1(Sentiment s) {
    double p = precision(s);
    double r = recall(s);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** The mean F1 over the classes that occur in the truth. */
  public double macroF1() {
    double sum = 0;
    int classes = 0;
    for (Sentiment s : Sentiment.values()) {
      long actual = 0;
      for (int j = 0; j < 3; j++) {
        actual += counts[s.ordinal()][j];
      }
      if (actual > 0) {
        sum += f1(s);
        classes++;
      }
    }
    return classes == 0 ? 0 : sum / classes;
  }

  /** The share of predictions that were this class. */
  public double predictedShare(Sentiment s) {
    long predicted = 0;
    for (int i = 0; i < 3; i++) {
      predicted += counts[i][s.ordinal()];
    }
    return total() == 0 ? 0 : (double) predicted / total();
  }

  /** The figures as a map, for the model's metadata. */
  public Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("n", total());
    summary.put("accuracy", round(accuracy()));
    summary.put("macro_f1", round(macroF1()));
    for (Sentiment s : Sentiment.values()) {
      summary.put(s.key() + "_precision", round(precision(s)));
      summary.put(s.key() + "_recall", round(recall(s)));
    }
    return summary;
  }

  /** A readable table: figures per class and the confusion matrix (rows true, columns guessed). */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, "  n=%d  accuracy %.3f  macro-F1 %.3f%n", total(), accuracy(), macroF1()));
    out.append(
        String.format(Locale.ROOT, "  %-9s %9s %9s %9s%n", "class", "precision", "recall", "F1"));
    for (Sentiment s : Sentiment.values()) {
      out.append(
          String.format(
              Locale.ROOT, "  %-9s %9.3f %9.3f %9.3f%n", s.key(), precision(s), recall(s), f1(s)));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "  confusion (rows: true, columns: guessed)%n  %-9s %9s %9s %9s%n",
            "",
            "positive",
            "mixed",
            "negative"));
    for (Sentiment s : Sentiment.values()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-9s %9d %9d %9d%n",
              s.key(),
              counts[s.ordinal()][0],
              counts[s.ordinal()][1],
              counts[s.ordinal()][2]));
    }
    return out.toString();
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
