package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.ingest.Json;
import pullquote.testing.TestIndexes;

/**
 * Clients that send their request a byte at a time, over real sockets: the server closes them once
 * the request head has taken longer than its limit (1 s here, 10 s in {@code serve}), while a
 * connection resting between requests and everyone else's requests are left alone.
 */
class SlowClientTest {

  private static final Duration LIMIT = Duration.ofSeconds(1);

  @TempDir static Path dir;
  static LiveIndex live;
  static ApiServer server;

  @BeforeAll
  static void start() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED);
    live = TestIndexes.open(dir);
    server =
        new ApiServer(TestIndexes.service(live), Json.newMapper(), Path.of("web"), LIMIT)
            .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    live.close();
  }

  @Test
  void aClientTricklingItsRequestHeadIsCutOffAndOthersAreStillAnswered() throws Exception {
    try (Socket slow = new Socket("127.0.0.1", server.port())) {
      slow.setSoTimeout(200);
      OutputStream out = slow.getOutputStream();
      byte[] head = "GET /api/search?q=pusher HTTP/1.1\r\nHost: x\r\nX-Pad: ".getBytes();
      out.write(head);
      boolean closed = false;
      long started = System.nanoTime();
      // A byte every 300 ms would keep Jetty's idle timeout from ever firing.
      for (int i = 0; i < 40 && !closed; i++) {
        try {
          out.write('a');
          out.flush();
          closed = slow.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
          Thread.sleep(100); // still open
        } catch (IOException e) {
          closed = true; // reset while writing
        }
        assertThat(search().statusCode()).isEqualTo(200);
      }
      long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
      assertThat(closed).as("closed after %d ms", took).isTrue();
      assertThat(took).as("not before the limit").isGreaterThanOrEqualTo(LIMIT.toMillis());
    }
    assertThat(metrics()).contains("pullquote_http_slow_clients_closed_total 1.0");
  }

  @Test
  void aConnectionRestingBetweenRequestsIsKeptOpen() throws Exception {
    try (Socket client = new Socket("127.0.0.1", server.port())) {
      client.setSoTimeout(5_000);
      assertThat(exchange(client)).startsWith("HTTP/1.1 200");
      Thread.sleep(LIMIT.toMillis() * 5 / 2);
      assertThat(exchange(client)).startsWith("HTTP/1.1 200");
    }
  }

  /**
   * Sends one whole request on the connection and reads its answer, leaving the connection open.
   */
  private static String exchange(Socket socket) throws IOException {
    socket
        .getOutputStream()
        .write("GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      assertThat(b).as("connection still open").isNotNegative();
      head.write(b);
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    int length =
        Integer.parseInt(
            text.lines()
                .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .findFirst()
                .orElseThrow()
                .substring("content-length:".length())
                .strip());
    in.readNBytes(length);
    return text;
  }

  private static HttpResponse<String> search() throws Exception {
    return get("/api/search?q=pusher");
  }

  private static String metrics() throws Exception {
    return get("/metrics").body();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
