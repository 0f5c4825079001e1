package pullquote.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Closes a connection whose request head (request line and headers) has not all arrived within
 * {@link #HEAD_TIMEOUT} of its first byte. Jetty's idle timeout starts again at every byte read, so
 * a client trickling a byte every few seconds would otherwise hold a connection, and a thread's
 * worth of buffers, forever; a few hundred such clients would shut everyone else out. Jetty 12
 * keeps no such limit of its own (its minimum request data rate covers bodies only).
 *
 * <p>A connection between requests is not timed here: Jetty's idle timeout closes it. Nor is a
 * request being answered: its head is complete.
 */
final class SlowClientGuard implements Connection.Listener {

  /** Ample for the 8 KB a request head may hold, over the slowest link a person still uses. */
  static final Duration HEAD_TIMEOUT = Duration.ofSeconds(10);

  private static final long SWEEP_MILLIS = 500;

  private final Map<Connection, Progress> open = new ConcurrentHashMap<>();
  private final long timeoutNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong closed = new AtomicLong();

  SlowClientGuard(Duration timeout, LongSupplier nanoTime) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    this.timeoutNanos = timeout.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Watches every connection the server's connectors accept, from start to stop. */
  void install(Server server) {
    ScheduledExecutorService sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pullquote-slow-client-guard");
              t.setDaemon(true);
              return t;
            });
    server.addEventListener(
        new LifeCycle.Listener() {
          @Override
          public void lifeCycleStarting(LifeCycle event) {
            for (var connector : server.getConnectors()) {
              connector.addEventListener(SlowClientGuard.this);
            }
            sweeper.scheduleWithFixedDelay(
                SlowClientGuard.this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
          }

          @Override
          public void lifeCycleStopped(LifeCycle event) {
            sweeper.shutdownNow();
          }
        });
  }

  /** Connections closed for trickling their request head. */
  long closedCount() {
    return closed.get();
  }

  @Override
  public void onOpened(Connection connection) {
    open.put(connection, new Progress());
  }

  @Override
  public void onClosed(Connection connection) {
    open.remove(connection);
  }

  /** Closes the connections whose request head has been arriving for longer than the limit. */
  void sweep() {
    long now = nanoTime.getAsLong();
    open.forEach(
        (connection, progress) -> {
          if (progress.stalled(
              connection.getMessagesIn(), connection.getBytesIn(), now, timeoutNanos)) {
            open.remove(connection);
            closed.incrementAndGet();
            connection.getEndPoint().close();
          }
        });
  }

  /**
   * One connection as the sweeps saw it: Jetty counts a request in when its head is complete, so
   * bytes that arrived since the count last changed are a head still arriving.
   */
  private static final class Progress {
    private long requests;
    private long bytesAtLastRequest;
    private long headSince = -1;

    boolean stalled(long requestsNow, long bytesNow, long now, long timeoutNanos) {
      if (requestsNow != requests) {
        requests = requestsNow;
        bytesAtLastRequest = bytesNow;
        headSince = -1;
        return false;
      }
      if (bytesNow == bytesAtLastRequest) {
        return false; // between requests
      }
      if (headSince < 0) {
        headSince = now;
      }
      return now - headSince > timeoutNanos;
    }
  }
}
