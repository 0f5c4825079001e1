package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.ingest.Json;
import pullquote.testing.TestIndexes;

/** Rebuilds and swaps the index while clients query it over HTTP: no request may fail. */
class IndexSwapUnderLoadTest {

  private static final int CLIENTS = 4;
  private static final int SWAPS = 6;

  @TempDir Path dir;

  @Test
  void swappingTheIndexFailsNoRequest() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try (LiveIndex live = TestIndexes.open(dir);
        ApiServer server =
            new ApiServer(TestIndexes.service(live), Json.newMapper(), null)
                .start("127.0.0.1", 0)) {
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=refn&size=5");
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger ok = new AtomicInteger();
      var failures = ConcurrentHashMap.<String>newKeySet();
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        futures.add(
            clients.submit(
                () -> {
                  while (running.get()) {
                    try {
                      var response =
                          http.send(
                              HttpRequest.newBuilder(uri).build(),
                              HttpResponse.BodyHandlers.ofString());
                      if (response.statusCode() == 200 && response.body().contains("\"total\"")) {
                        ok.incrementAndGet();
                      } else {
                        failures.add(response.statusCode() + " " + response.body());
                      }
                    } catch (Exception e) {
                      failures.add(e.toString());
                    }
                  }
                  return null;
                }));
      }
      for (int i = 0; i < SWAPS; i++) {
        Path[] inputs =
            i % 2 == 0
                ? new Path[] {TestIndexes.SEED, TestIndexes.EXTRA}
                : new Path[] {TestIndexes.SEED};
        TestIndexes.build(dir, inputs);
        assertThat(live.refresh()).isTrue();
      }
      running.set(false);
      for (Future<?> f : futures) {
        f.get();
      }
      assertThat(failures).isEmpty();
      assertThat(ok.get()).isGreaterThan(CLIENTS * SWAPS);
    } finally {
      clients.shutdownNow();
    }
  }
}
