package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads asking at once load the model once; a load that failed is tried again. */
class LoadOnceTest {

  @Test
  void threadsAskingAtOnceShareOneLoad() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    LoadOnce<LinearSentimentModel> model =
        new LoadOnce<>(
            () -> {
              loads.incrementAndGet();
              return LinearSentimentModel.bundled();
            });
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<LinearSentimentModel> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 8; i++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    seen.add(model.get());
                  }));
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(loads).hasValue(1);
    assertThat(seen).hasSize(8).allMatch(m -> m == seen.get(0));
  }

  @Test
  void aLoadThatFailedIsTriedAgainByTheNextCaller() {
    AtomicInteger tries = new AtomicInteger();
    LoadOnce<String> value =
        new LoadOnce<>(
            () -> {
              if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("the model cannot be read: disk full");
              }
              return "loaded";
            });
    assertThatThrownBy(value::get).hasMessageContaining("disk full");
    assertThat(value.get()).isEqualTo("loaded");
    assertThat(value.get()).isEqualTo("loaded");
    assertThat(tries).hasValue(2);
  }
}
