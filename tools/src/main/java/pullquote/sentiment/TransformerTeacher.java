package pullquote.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The transformer as a teacher for the linear model: its probability that each text is positive
 * (its polarity head alone), computed in runs of like length on every core. Distilling it into the
 * linear model lifts the fast tier at no cost when classifying (issue #18, item 5).
 */
public final class TransformerTeacher {

  /** Texts a thread takes at once. */
  private static final int CHUNK = 512;

  private final TransformerModel model;
  private final int threads;
  private final int chunk;

  public TransformerTeacher(TransformerModel model, int threads) {
    this(model, threads, CHUNK);
  }

  /**
   * @param chunk texts a thread takes at once
   */
  TransformerTeacher(TransformerModel model, int threads, int chunk) {
    if (threads < 1 || chunk < 1) {
      throw new IllegalArgumentException("a teacher needs a thread and a chunk of 1 or more");
    }
    this.model = model;
    this.threads = threads;
    this.chunk = chunk;
  }

  /** P(positive) for each text, in their order. */
  public double[] positive(List<String> texts) {
    double[] out = new double[texts.size()];
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> parts = new ArrayList<>();
      for (int from = 0; from < texts.size(); from += chunk) {
        int start = from;
        List<String> part = texts.subList(from, Math.min(from + chunk, texts.size()));
        parts.add(
            pool.submit(
                () -> {
                  float[][] outputs = model.outputsInRuns(part);
                  for (int i = 0; i < outputs.length; i++) {
                    out[start + i] = LogisticRegression.sigmoid(outputs[i][0]);
                  }
                }));
      }
      for (Future<?> part : parts) {
        part.get();
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
