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
 * them; Lucene's writer takes documents from several threads at once. Reviews go in batches: one
 * hand-over per review woke a sleeping writer thousands of times a second, and that switching cost
 * more than the reading. The queue is bounded, so a fast reader waits instead of filling memory,
 * and the first failure stops the run.
 */
final class DocumentPipeline implements Consumer<Review>, AutoCloseable {

  private static final int BATCH = 256;
  private static final int QUEUE = 16;

  /** The end marker, told apart by identity: batches are never empty. */
  private static final List<Review> DONE = List.of();

  private final BlockingQueue<List<Review>> queue = new ArrayBlockingQueue<>(QUEUE);
  private List<Review> batch = new ArrayList<>(BATCH);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final List<Thread> workers = new ArrayList<>();

  DocumentPipeline(IndexWriter writer, int threads) {
    for (int i = 0; i < threads; i++) {
      Thread worker = Thread.ofPlatform().name("index-writer-" + i).start(() -> work(writer));
      workers.add(worker);
    }
  }

  private void work(IndexWriter writer) {
    try {
      for (List<Review> reviews = queue.take(); reviews != DONE; reviews = queue.take()) {
        for (Review review : reviews) {
          if (failure.get() == null) {
            writer.addDocument(ReviewDocuments.toDocument(review));
          }
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
    if (batch.size() == BATCH) {
      handOver();
    }
  }

  private void handOver() {
    List<Review> full = batch;
    batch = new ArrayList<>(BATCH);
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
