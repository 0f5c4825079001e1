package pullquote.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexWriter;
import pullquote.ingest.IngestProgress;
import pullquote.ingest.IngestReport;
import pullquote.ingest.Ingestor;
import pullquote.ingest.Review;

/**
 * Hands reviews from the reading thread to writer threads, which turn them into documents and add
 * them; Lucene's writer takes documents from several threads at once. Reviews go in batches: one
 * hand-over per review woke a sleeping writer thousands of times a second, and that switching cost
 * more than the reading. The queue is bounded, so a fast reader waits instead of filling memory,
 * and the first failure stops the run. Lucene's writer and a Solr collection are written through
 * the same pipeline, each by its own {@link BatchWriter}.
 */
public final class DocumentPipeline implements Consumer<Review>, AutoCloseable {

  /** Reviews per hand-over to a Lucene writer, which adds them one at a time. */
  static final int LUCENE_BATCH = 256;

  private static final int QUEUE = 16;

  /** Writes one batch of reviews into an index; called from several threads at once. */
  @FunctionalInterface
  public interface BatchWriter {
    void write(List<Review> reviews) throws IOException;
  }

  /** The end marker, told apart by identity: batches are never empty. */
  private static final List<Review> DONE = List.of();

  private final BlockingQueue<List<Review>> queue = new ArrayBlockingQueue<>(QUEUE);
  private final int batchSize;
  private List<Review> batch;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final List<Thread> workers = new ArrayList<>();

  DocumentPipeline(IndexWriter writer, int threads) {
    this(threads, LUCENE_BATCH, lucene(writer));
  }

  /**
   * @param threads writer threads, each calling {@code writer} with one batch at a time
   * @param batchSize reviews per batch; the last batch may hold fewer
   */
  public DocumentPipeline(int threads, int batchSize, BatchWriter writer) {
    if (threads < 1 || batchSize < 1) {
      throw new IllegalArgumentException("a pipeline needs a thread and a batch size of 1 or more");
    }
    this.batchSize = batchSize;
    this.batch = new ArrayList<>(batchSize);
    for (int i = 0; i < threads; i++) {
      Thread worker = Thread.ofPlatform().name("index-writer-" + i).start(() -> work(writer));
      workers.add(worker);
    }
  }

  /** Adds each review of a batch to a Lucene writer, which takes them from several threads. */
  static BatchWriter lucene(IndexWriter writer) {
    return reviews -> {
      for (Review review : reviews) {
        writer.addDocument(ReviewDocuments.toDocument(review));
      }
    };
  }

  /**
   * Ingests the inputs into {@code writer} through a pipeline and returns the report once every
   * review has been written.
   *
   * @throws IOException the first failure of the writer; the run stops there
   */
  public static IngestReport ingest(
      Ingestor ingestor,
      List<Path> inputs,
      IngestProgress progress,
      int threads,
      int batchSize,
      BatchWriter writer)
      throws IOException {
    try (DocumentPipeline pipeline = new DocumentPipeline(threads, batchSize, writer)) {
      return ingestor.ingest(inputs, pipeline, progress);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void work(BatchWriter writer) {
    try {
      for (List<Review> reviews = queue.take(); reviews != DONE; reviews = queue.take()) {
        if (failure.get() == null) {
          writer.write(reviews);
        }
      }
    } catch (InterruptedException e) {
      failure.compareAndSet(null, e);
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      // Errors too (a thread that cannot start a merge, out of memory): a worker that dies
      // without saying so would leave the reader waiting on a queue nobody empties. The reader
      // sees the failure within 100 ms; other workers skip what is left.
      failure.compareAndSet(null, e);
    }
  }

  @Override
  public void accept(Review review) {
    batch.add(review);
    if (batch.size() == batchSize) {
      handOver();
    }
  }

  private void handOver() {
    List<Review> full = batch;
    batch = new ArrayList<>(batchSize);
    try {
      while (!queue.offer(full, 100, TimeUnit.MILLISECONDS)) {
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
    if (t == null) {
      return;
    }
    if (t instanceof IOException io) {
      throw new java.io.UncheckedIOException(io);
    }
    throw asUnchecked(t);
  }

  private static RuntimeException asUnchecked(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException("an index writer thread stopped", t);
  }

  /** Waits for every queued review to be added; throws the first failure. */
  @Override
  public void close() throws IOException {
    if (!batch.isEmpty() && failure.get() == null) {
      try {
        handOver();
      } catch (Throwable e) {
        failure.compareAndSet(null, e); // still end the workers below, then throw
      }
    }
    try {
      // One end marker per worker, whichever worker takes it: each live worker takes exactly one
      // and stops. (Checking a particular worker's liveness before offering its marker lost a
      // marker whenever another worker had already taken it, and close() then waited for ever.)
      for (int sent = 0; sent < workers.size(); sent++) {
        while (!queue.offer(DONE, 100, TimeUnit.MILLISECONDS)) {
          if (workers.stream().noneMatch(Thread::isAlive)) {
            break; // workers that failed drain nothing; they have already ended
          }
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
      throw asUnchecked(t);
    }
  }
}
