package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pullquote.index.LiveIndex;
import pullquote.ingest.Json;
import pullquote.testing.TestIndexes;

/**
 * What every route does beside its answer, over real HTTP: HEAD as GET without a body, a malformed
 * %-escape in a path a 400, and the security headers on the page and the API.
 */
class HttpRulesTest {

  @TempDir static Path dir;
  static LiveIndex live;
  static ApiServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED, TestIndexes.EXTRA);
    live = TestIndexes.open(dir);
    server =
        new ApiServer(TestIndexes.service(live), Json.newMapper(), Path.of("web"))
            .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    live.close();
  }

  static HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/search?q=film",
        "/api/search?size=0",
        "/api/reviews/x-label",
        "/api/reviews/nonexistent",
        "/api/critics?prefix=no",
        "/api/critics/Noor%20Haddad",
        "/api/critics/Nobody",
        "/api/works/Quiet%20Harbour",
        "/api/stats",
        "/health",
        "/health/live",
        "/api/nothing-here"
      })
  void headAnswersWithGetsStatusAndNoBody(String path) throws Exception {
    HttpResponse<String> get = send("GET", path);
    HttpResponse<String> head = send("HEAD", path);
    assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
    assertThat(head.headers().firstValue("content-type"))
        .as(path)
        .isEqualTo(get.headers().firstValue("content-type"));
    assertThat(head.body()).as(path).isEmpty();
  }

  @Test
  void aWrongMethodSaysGetAndHeadAreAllowed() throws Exception {
    HttpResponse<String> post = send("POST", "/api/search");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/reviews/%u0041",
        "/api/reviews/a%u00e9b",
        "/api/critics/a%zz",
        "/api/works/%"
      })
  void aMalformedEscapeInAPathIsA400NeverA500(String path) throws Exception {
    // Java's HTTP client refuses to send such a path: written on a socket as a browser could.
    String answer;
    try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    // Jetty refuses some (bad_request) before any route; the rest meet ours (invalid_value).
    assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("application/json");
    assertThat(answer).containsAnyOf("\"code\":\"invalid_value\"", "\"code\":\"bad_request\"");
  }

  /** The request line alone over 8,192 bytes is a 414; with the headers over it, a 431. */
  @Test
  void aLongRequestLineIsA414AndALineThatLeavesNoRoomForHeadersA431() throws Exception {
    assertThat(raw(requestLineOf(8_203))).startsWith("HTTP/1.1 414").contains("uri_too_long");
    assertThat(raw(requestLineOf(8_163))).startsWith("HTTP/1.1 431").contains("headers_too_large");
  }

  private static String requestLineOf(int bytes) {
    String start = "GET /api/search?q=";
    String end = " HTTP/1.1";
    return start + "a".repeat(bytes - start.length() - end.length()) + end;
  }

  private static String raw(String requestLine) throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket
          .getOutputStream()
          .write(
              (requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void thePageAndTheApiCarryTheSecurityHeaders() throws Exception {
    for (String path : List.of("/", "/app.js", "/api/search?q=film", "/api/reviews/none")) {
      var headers = send("GET", path).headers();
      assertThat(headers.firstValue("content-security-policy"))
          .as(path)
          .hasValue(RequestRules.CONTENT_SECURITY_POLICY);
      assertThat(headers.firstValue("x-content-type-options")).as(path).hasValue("nosniff");
      assertThat(headers.firstValue("referrer-policy")).as(path).hasValue("no-referrer");
      assertThat(headers.firstValue("x-frame-options")).as(path).hasValue("DENY");
    }
  }
}
