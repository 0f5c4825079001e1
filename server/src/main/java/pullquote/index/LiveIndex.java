package pullquote.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The served index: the current snapshot, swapped for a new one when a rebuild publishes a new
 * generation. Requests {@link #acquire} a snapshot and release it when done, so a swap never pulls
 * an index out from under a running query.
 */
public final class LiveIndex implements Closeable {

  private static final Logger LOG = Logger.getLogger(LiveIndex.class.getName());

  /** How long the first generation's warming waits for the first request to be answered. */
  private static final Duration FIRST_WARM_WAIT = Duration.ofSeconds(2);

  private final IndexLayout layout;
  private final ObjectMapper json;
  private final AtomicReference<IndexSnapshot> current = new AtomicReference<>();

  private final java.util.function.Consumer<IndexSnapshot> warmer;

  private final CountDownLatch firstRequestDone = new CountDownLatch(1);

  /** True while the first generation opens: requests are then told to come back, not to build. */
  private volatile boolean opening;

  /**
   * The published generation that last failed to open: not tried again every poll (opening and
   * warming cost up to seconds), only once another is published.
   */
  private String failed;

  public LiveIndex(IndexLayout layout, ObjectMapper json) {
    this(layout, json, snapshot -> {});
  }

  /**
   * @param warmer runs on each newly opened generation before it is served, so work that every
   *     generation needs once (such as the critic directory) is never done by a waiting request; on
   *     the first generation, with nothing served yet, it runs in the background once the first
   *     request has been answered (or after {@link #FIRST_WARM_WAIT})
   */
  public LiveIndex(
      IndexLayout layout, ObjectMapper json, java.util.function.Consumer<IndexSnapshot> warmer) {
    this.warmer = warmer;
    this.layout = layout;
    this.json = json;
  }

  public IndexLayout layout() {
    return layout;
  }

  /**
   * Opens the published generation if it differs from the served one.
   *
   * @return true when a new generation is now served
   * @throws IOException when the published generation cannot be opened; the old one stays served
   */
  public synchronized boolean refresh() throws IOException {
    Optional<Path> published = layout.current();
    if (published.isEmpty()) {
      return false;
    }
    IndexSnapshot served = current.get();
    String identity = IndexSnapshot.identityOf(published.get(), json);
    if ((served != null && served.identity().equals(identity)) || identity.equals(failed)) {
      return false;
    }
    IndexSnapshot opened;
    opening = served == null;
    try {
      opened = IndexSnapshot.open(published.get(), json);
    } catch (IOException | RuntimeException e) {
      failed = identity;
      opening = false;
      throw e;
    }
    if (served == null) {
      // Nothing is served yet, so no request waits on an older generation: serve this one at once
      // and warm it once the first request is answered (the critic directory of 1M reviews takes
      // 0.3-0.6 s; a request that needs it first builds it, and facets are counted by Lucene's
      // facet module until the packed values are ready).
      current.set(opened);
      opening = false; // only now: a request in between would be told no index was built
      warmInBackground(opened);
      return true;
    }
    try {
      warmer.accept(opened);
    } catch (RuntimeException | Error e) {
      // an OutOfMemoryError too: the new generation is let go and the old one stays served
      failed = identity;
      opened.decRef();
      throw e;
    }
    IndexSnapshot previous = current.getAndSet(opened);
    previous.decRef();
    return true;
  }

  private void warmInBackground(IndexSnapshot snapshot) {
    Thread.ofPlatform()
        .daemon()
        .name("index-warm")
        .start(
            () -> {
              try {
                // On two cores, warming beside the first request slowed its answer by 0.15 s
                // (1M reviews); it starts once that request is answered, or after a while.
                firstRequestDone.await(FIRST_WARM_WAIT.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.fine(() -> "warming of " + snapshot.generation() + " interrupted");
                return;
              }
              if (!snapshot.tryIncRef()) {
                return; // already swapped out and closed
              }
              try {
                warmer.accept(snapshot);
              } catch (RuntimeException | Error e) {
                // Served unwarmed: requests build what they need, and facets stay with Lucene's
                // counter. Logged like the poller's failures, not left to the thread's default.
                LOG.log(Level.WARNING, "could not warm " + snapshot.generation(), e);
              } finally {
                release(snapshot);
              }
            });
  }

  /** Like {@link #refresh} for a background poller: a failure is logged, not thrown. */
  public void refreshQuietly() {
    try {
      if (refresh()) {
        LOG.info(() -> "now serving " + current.get().generation());
      }
    } catch (IOException | RuntimeException | Error e) {
      // Caught whole: an exception escaping the poller's task would end all later polls.
      LOG.log(
          Level.WARNING,
          "could not open the new index generation; still serving the old one until another is"
              + " published",
          e);
    }
  }

  /** Runs the function on the served snapshot, holding it open meanwhile. */
  public <T> T withSnapshot(Function<IndexSnapshot, T> work) {
    IndexSnapshot snapshot = acquire();
    try {
      return work.apply(snapshot);
    } finally {
      release(snapshot);
      firstRequestDone.countDown();
    }
  }

  private IndexSnapshot acquire() {
    while (true) {
      IndexSnapshot snapshot = current.get();
      if (snapshot == null) {
        throw new IndexUnavailableException(
            // the answer goes to readers: the server's paths stay in its own messages
            opening
                ? "the index is opening; try again in a moment"
                : "no index has been built yet; the operator builds one with pullquote index");
      }
      if (snapshot.tryIncRef()) {
        return snapshot;
      }
    }
  }

  private static void release(IndexSnapshot snapshot) {
    try {
      snapshot.decRef();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not close an old index generation", e);
    }
  }

  public boolean isOpen() {
    return current.get() != null;
  }

  @Override
  public synchronized void close() throws IOException {
    IndexSnapshot snapshot = current.getAndSet(null);
    if (snapshot != null) {
      snapshot.decRef();
    }
  }
}
