package pullquote.search.lucene;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import pullquote.index.LiveIndex;

/**
 * Looks for a newly published generation every second, so a server picks up a rebuild by {@code
 * pullquote index} without a restart.
 */
public final class IndexPoller implements AutoCloseable {

  private static final long POLL_MILLIS = 1000;

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "index-poller");
            t.setDaemon(true);
            return t;
          });

  public IndexPoller(LiveIndex live) {
    executor.scheduleWithFixedDelay(
        live::refreshQuietly, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Stops polling and waits for a refresh under way, so none opens a reader after the close. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
