package pullquote.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Passes reviews on in reading order while a costly text model decides the text-only ones in
 * batches on threads of its own. The accurate tier takes milliseconds a text; on the reading
 * thread, one at a time, a build that forced it on every review of 10,000 took 123 s against 2.7 s
 * with the fast tier (78.6 s so, in float32; 31.0 s in int8). Order is kept, so ids, duplicates and
 * the index come out as a single-threaded read would make them. A text is sent to the model's
 * threads at once while fewer batches are out than there are threads, else in the next batch, so a
 * build with a few text-only reviews has each decided while reading goes on; the reading thread
 * waits only when {@link #WINDOW} reviews queue behind an undecided one.
 */
final class TextSentimentQueue {

  /** Texts handed to a model thread at once. */
  static final int BATCH = 64;

  /** Reviews held in order at most, decided or not. */
  static final int WINDOW = 4096;

  private final SentimentResolver resolver;
  private final Consumer<Review> out;
  private final Executor threads;
  private final int parallelism;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final int limit;
  private final ArrayDeque<Slot> window = new ArrayDeque<>();
  private List<Slot> batch = new ArrayList<>(BATCH);

  /**
   * @param threads the model's threads (see {@link #threads})
   * @param parallelism how many they are
   * @param out where reviews go, in the order they were added, on the adding thread
   * @param window reviews held at most ({@link #WINDOW})
   */
  TextSentimentQueue(
      SentimentResolver resolver,
      Executor threads,
      int parallelism,
      Consumer<Review> out,
      int window) {
    if (window < 1 || parallelism < 1) {
      throw new IllegalArgumentException("the window holds a review, and a thread decides them");
    }
    this.resolver = resolver;
    this.threads = threads;
    this.parallelism = parallelism;
    this.out = out;
    this.limit = window;
  }

  /** Threads for the text model, ended with {@code shutdownNow} once a run is over. */
  static ExecutorService threads(int count) {
    return Executors.newFixedThreadPool(
        count, Thread.ofPlatform().daemon().name("text-sentiment-", 0).factory());
  }

  /**
   * Starts loading the text model on one of {@code threads}: the first pass calls it when it sees a
   * record that will need the model, so the second pass seldom waits for the load. A failure is
   * left for the first text that needs the model to report.
   */
  static void prepare(SentimentResolver resolver, Executor threads) {
    threads.execute(
        () -> {
          try {
            resolver.prepare();
          } catch (RuntimeException e) {
            // said by the first text that needs the model, which ends the run
          }
        });
  }

  /** A review whose sentiment is already known (from its score, label or page). */
  void add(Review review) {
    window.add(new Slot(CompletableFuture.completedFuture(review), null, null));
    drain(false);
  }

  /**
   * A review the text model decides: {@code complete} makes it once the decision is known. A cheap
   * model decides it at once, here.
   */
  void add(String text, Function<SentimentResolver.Decision, Review> complete) {
    if (!resolver.costly()) {
      add(complete.apply(resolver.resolveTexts(List.of(text)).get(0)));
      return;
    }
    Slot slot = new Slot(new CompletableFuture<>(), text, complete);
    window.add(slot);
    batch.add(slot);
    if (batch.size() == BATCH || inFlight.get() < parallelism) {
      send();
    }
    drain(false);
  }

  /** Passes on every review still held, waiting for the model where it must. */
  void finish() {
    drain(true);
  }

  private void send() {
    if (batch.isEmpty()) {
      return;
    }
    List<Slot> sent = batch;
    batch = new ArrayList<>(BATCH);
    inFlight.incrementAndGet();
    threads.execute(
        () -> {
          try {
            decide(sent);
          } finally {
            inFlight.decrementAndGet();
          }
        });
  }

  private void decide(List<Slot> slots) {
    try {
      List<SentimentResolver.Decision> decisions =
          resolver.resolveTexts(slots.stream().map(Slot::text).toList());
      for (int i = 0; i < slots.size(); i++) {
        Slot slot = slots.get(i);
        slot.review().complete(slot.complete().apply(decisions.get(i)));
      }
    } catch (Throwable e) {
      slots.forEach(slot -> slot.review().completeExceptionally(e));
    }
  }

  private void drain(boolean all) {
    while (!window.isEmpty()) {
      Slot head = window.peek();
      if (!head.review().isDone()) {
        if (!all && window.size() < limit) {
          return;
        }
        send(); // the head may still be in the batch being filled
      }
      window.poll();
      out.accept(await(head));
    }
  }

  private static Review await(Slot slot) {
    try {
      return slot.review().get();
    } catch (ExecutionException e) {
      throw new ModelFailed(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelFailed(e);
    }
  }

  private record Slot(
      CompletableFuture<Review> review,
      String text,
      Function<SentimentResolver.Decision, Review> complete) {}

  /** The text model could not decide (it could not be loaded): the run ends, saying why. */
  static final class ModelFailed extends RuntimeException {
    ModelFailed(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
