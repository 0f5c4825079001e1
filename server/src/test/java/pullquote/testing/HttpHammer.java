package pullquote.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent clients asking one URL again and again until stopped, tallying what came back: for
 * tests of what readers see while the cluster under a server changes (a node lost, a rebuild).
 */
public final class HttpHammer implements AutoCloseable {

  /** What the clients saw: answers by status, and how often each total was answered. */
  public record Tally(long requests, Map<Integer, Long> statuses, Map<Long, Long> totals) {}

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong requests = new AtomicLong();
  private final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
  private final Map<Long, Long> totals = new ConcurrentHashMap<>();
  private final List<Thread> clients = new ArrayList<>();

  public HttpHammer(URI url, int clientCount) {
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < clientCount; i++) {
      clients.add(
          Thread.ofPlatform()
              .name("hammer-" + i)
              .start(
                  () -> {
                    try (HttpClient http =
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                      while (running.get()) {
                        ask(http, json, url);
                      }
                    }
                  }));
    }
  }

  private void ask(HttpClient http, ObjectMapper json, URI url) {
    int status;
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      status = response.statusCode();
      if (status == 200) {
        JsonNode body = json.readTree(response.body());
        totals.merge(body.get("total").asLong(), 1L, Long::sum);
      }
    } catch (Exception e) {
      status = -1; // no answer at all
    }
    statuses.merge(status, 1L, Long::sum);
    requests.incrementAndGet();
  }

  public long requests() {
    return requests.get();
  }

  /**
   * Waits until the clients have sent this many requests in all.
   *
   * @throws AssertionError after a minute short of them: a test must not pass on requests that were
   *     never made
   */
  public void awaitRequests(long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (requests.get() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the clients sent " + requests.get() + " requests in 60 s, not " + count);
      }
      Thread.sleep(20);
    }
  }

  /** Stops the clients after their requests in flight, and returns what they saw. */
  public Tally stop() throws InterruptedException {
    running.set(false);
    for (Thread client : clients) {
      client.join(Duration.ofSeconds(30));
    }
    return new Tally(requests.get(), Map.copyOf(statuses), Map.copyOf(totals));
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
