package pullquote.server;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds the searches in flight. A request beyond the bound waits briefly for a slot, then is
 * turned away with 503 and Retry-After, so a flood costs the server neither threads nor memory and
 * the requests it has admitted keep their latency.
 *
 * @see ApiServer
 */
final class Admission {

  /**
   * @param concurrent searches that may run at once
   * @param queueWait how long a request beyond that waits for a slot
   */
  record Limits(int concurrent, Duration queueWait) {
    /** Enough for a busy page on two cores; a flood of hundreds of clients is what it stops. */
    static final Limits DEFAULT = new Limits(64, Duration.ofSeconds(1));

    Limits {
      if (concurrent < 1 || queueWait == null || queueWait.isNegative()) {
        throw new IllegalArgumentException(
            "concurrent must be at least 1 and queueWait not negative");
      }
    }
  }

  /** Thrown when no slot freed up in time. */
  static final class Overloaded extends RuntimeException {
    Overloaded(Limits limits) {
      super(
          "the server is answering "
              + limits.concurrent()
              + " searches already; retry in a moment");
    }
  }

  private final Limits limits;
  private final Semaphore slots;

  Admission(Limits limits) {
    this.limits = limits;
    this.slots = new Semaphore(limits.concurrent(), true);
  }

  /** Searches holding a slot now. */
  int inFlight() {
    return limits.concurrent() - slots.availablePermits();
  }

  <T> T run(Supplier<T> work) {
    boolean admitted;
    try {
      admitted = slots.tryAcquire(limits.queueWait().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      throw new Overloaded(limits);
    }
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }
}
