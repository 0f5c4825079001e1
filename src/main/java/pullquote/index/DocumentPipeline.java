package pullquote.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexWriter;
import pullquote.ingest.Review;

/**
 * Hands reviews from the reading thread to writer threads, which turn them into documents and add
 * them; Lucene's writer takes documents from several threads at once. The queue is bounded, so a
 * fast reader waits instead of filling memory, and the first failure stops the run.
 */
final class DocumentPipeline implements Consumer<Review>, AutoCloseable {

  private static final int QUEUE = 4096;
  private static final Review DONE =
      new Review(
          "done",
          "-",
          null,
          null,
          null,
          null,
          null,
          pullquote.sentiment.Sentiment.MIXED,
          pullquote.sentiment.SentimentSource.MODEL,
          null,
          List.of(),
          "-",
          "-",
          1);

  private final BlockingQueue<Review> queue = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final List<Thread> workers = new ArrayList<>();

  DocumentPipeline(IndexWriter writer, ReviewDocuments documents, int threads) {
    for (int i = 0; i < threads; i++) {
      Thread worker =
          Thread.ofPlatform().name("index-writer-" + i).start(() -> work(writer, documents));
      workers.add(worker);
    }
  }

  private void work(IndexWriter writer, ReviewDocuments documents) {
    try {
      for (Review review = queue.take(); review != DONE; review = queue.take()) {
        if (failure.get() == null) {
          writer.addDocument(documents.toDocument(review));
        }
      }
    } catch (IOException | RuntimeException e) {
      failure.compareAndSet(null, e);
      queue.clear();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void accept(Review review) {
    try {
      while (!queue.offer(review, 100, TimeUnit.MILLISECONDS)) {
        rethrowFailure();
      }
      rethrowFailure();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while indexing", e);
    }
  }

  private void rethrowFailure() {
    Throwable t = failure.get();
    if (t instanceof IOException io) {
      throw new java.io.UncheckedIOException(io);
    }
    if (t != null) {
      throw (RuntimeException) t;
    }
  }

  /** Waits for every queued review to be added; throws the first failure. */
  @Override
  public void close() throws IOException {
    try {
      for (Thread worker : workers) {
        while (worker.isAlive() && !queue.offer(DONE, 100, TimeUnit.MILLISECONDS)) {
          // a worker that failed drains nothing; it has already ended
        }
      }
      for (Thread worker : workers) {
        worker.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while finishing the index", e);
    }
    Throwable t = failure.get();
    if (t instanceof IOException io) {
      throw io;
    }
    if (t != null) {
      throw (RuntimeException) t;
    }
  }
}
