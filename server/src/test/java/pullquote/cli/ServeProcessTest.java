package pullquote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.ingest.Json;
import pullquote.testing.PullquoteProcess;
import pullquote.testing.TestIndexes;

/** {@code pullquote serve} as an operator starts it: its own JVM, a port, and a stop signal. */
class ServeProcessTest {

  private static final Pattern SERVING =
      Pattern.compile("serving .* at http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir Path dir;

  @Test
  void serveAnswersTheFirstSearchOnceItSaysItIsServingAndStopsOnASignal() throws Exception {
    Path index = dir.resolve("index");
    TestIndexes.build(index, TestIndexes.SEED);
    Path log = dir.resolve("serve.log");
    Process serve =
        PullquoteProcess.start(log, null, "serve", "--index", index.toString(), "--port", "0");
    try {
      int port = awaitPort(log, serve);
      try (HttpClient client = HttpClient.newHttpClient()) {
        HttpResponse<String> search =
            client.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/search?q=&facets=true"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(search.statusCode()).isEqualTo(200);
        JsonNode body = Json.newMapper().readTree(search.body());
        assertThat(body.get("total").asLong()).isEqualTo(11);
        assertThat(body.get("facets").get("sentiment").get("mixed").asLong()).isEqualTo(2);
      }
    } finally {
      serve.destroy(); // SIGTERM: the shutdown hook closes the server
    }
    assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(log)).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void withAnAccessLogEveryRequestIsOneLineAndServeOtherwiseSaysOnlyWhereItServes()
      throws Exception {
    Path index = dir.resolve("index");
    TestIndexes.build(index, TestIndexes.SEED);
    Path log = dir.resolve("serve.log");
    Process serve =
        PullquoteProcess.start(
            log, null, "serve", "--index", index.toString(), "--port", "0", "--access-log");
    try {
      int port = awaitPort(log, serve);
      try (HttpClient client = HttpClient.newHttpClient()) {
        for (String path : new String[] {"/api/search?q=pusher", "/api/reviews/none-such"}) {
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString());
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Files.readString(log).contains("error=not_found") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } finally {
      serve.destroy();
    }
    assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String printed = Files.readString(log);
    assertThat(printed)
        .containsPattern(
            "(?m)^time=\\S+ method=GET route=/api/search status=200 ms=[0-9.]+ hits=\\d+$")
        .containsPattern(
            "(?m)^time=\\S+ method=GET route=/api/reviews/\\{id\\} status=404 ms=[0-9.]+"
                + " error=not_found$")
        .doesNotContain("pusher")
        .doesNotContain("none-such");
    // Nothing of Javalin's or Jetty's start-up reaches the terminal.
    assertThat(printed).doesNotContain("INFO").doesNotContain("Javalin");
  }

  private static int awaitPort(Path log, Process serve) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher serving = SERVING.matcher(Files.readString(log));
      if (serving.find()) {
        return Integer.parseInt(serving.group(1));
      }
      assertThat(serve.isAlive()).as("serve exited early: %s", Files.readString(log)).isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("serve did not say it was serving: " + Files.readString(log));
  }
}
