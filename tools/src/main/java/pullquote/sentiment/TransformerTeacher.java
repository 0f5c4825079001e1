package pullquote.sentiment;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The transformer as a teacher for the linear model: its probability that each text is positive
 * (its polarity head alone), computed in batches of like length on every core. Distilling it into
 * the linear model lifts the fast tier at no cost when classifying (issue #18, item 5).
 */
public final class TransformerTeacher {

  private static final int RUN = 16;

  private final TransformerModel model;
  private final int threads;

  public TransformerTeacher(TransformerModel model, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("a teacher needs a thread");
    }
    this.model = model;
    this.threads = threads;
  }

  /** P(positive) for each text, in their order. */
  public double[] positive(List<String> texts) {
    Integer[] order = new Integer[texts.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
    double[] out = new double[texts.size()];
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> runs = new java.util.ArrayList<>();
      for (int from = 0; from < order.length; from += RUN) {
        List<Integer> run = Arrays.asList(order).subList(from, Math.min(from + RUN, order.length));
        runs.add(
            pool.submit(
                () -> {
                  float[][] outputs = model.outputs(run.stream().map(texts::get).toList());
                  for (int i = 0; i < run.size(); i++) {
                    out[run.get(i)] = LogisticRegression.sigmoid(outputs[i][0]);
                  }
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the teacher labelled the texts", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the teacher failed: " + e.getCause().getMessage(), e);
    }
    return out;
  }
}
