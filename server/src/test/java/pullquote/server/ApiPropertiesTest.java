package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import pullquote.index.LiveIndex;
import pullquote.ingest.Json;
import pullquote.testing.TestIndexes;

/**
 * Random and adversarial requests against a real server on a real index: whatever arrives, the
 * answer is JSON, never a 5xx, and an error never carries a stack trace.
 */
class ApiPropertiesTest {

  private static final String[] NASTY = {
    "\"",
    "\"\"",
    "\"unclosed phrase",
    "(",
    ")",
    "((((",
    "*",
    "a*",
    "*a",
    "?",
    "~",
    "\"a b\"~",
    "\"a b\"~999999999999",
    ":",
    "critic:",
    "sentiment:happy",
    "AND",
    "OR",
    "NOT",
    "-",
    "+",
    "\\",
    "'",
    "<script>alert(1)</script>",
    "${jndi:ldap://x}",
    "%00",
    "\u0000",
    "\uFFFF",
    "\uD800",
    "é",
    "𝔘𝔫𝔦",
    "999999999999999999999",
    "-1",
    "0",
    "1e309",
    "NaN",
    "2024-02-30",
    "9999-99-99",
    "relevance",
    "date",
    "-date",
    "score",
    "true",
    "false",
    "positive,negative",
    "mixed",
    "cursor",
    "eyJ4IjoxfQ",
    "a".repeat(5000),
    "\"x\" ".repeat(300),
    "(a OR ".repeat(40)
  };

  /** The search parameters, those of other routes, and one no route has. */
  private static final List<String> NAMES =
      java.util.stream.Stream.concat(
              pullquote.search.SearchParameters.NAMES.stream().sorted(),
              java.util.stream.Stream.of("prefix", "limit", "unknown"))
          .toList();

  private static final List<String> ROUTES =
      List.of("/api/search", "/api/critics", "/api/stats", "/api/reviews/", "/health");

  private static Path dir;
  private static LiveIndex live;
  private static ApiServer server;
  private static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper json = Json.newMapper();
  private static final AtomicLong byStatus400 = new AtomicLong();

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("pq-props");
    TestIndexes.build(dir, TestIndexes.SEED, TestIndexes.EXTRA);
    live = TestIndexes.open(dir);
    server = new ApiServer(TestIndexes.service(live), json, Path.of("web")).start("127.0.0.1", 0);
  }

  @AfterContainer
  static void stop() throws Exception {
    server.close();
    live.close();
    System.out.println("ApiPropertiesTest: " + byStatus400 + " requests answered 4xx");
  }

  @Property(tries = 1500)
  void anySearchParametersGetJsonAndNever5xx(@ForAll("requests") String pathAndQuery)
      throws Exception {
    assertWellFormed(pathAndQuery, send(pathAndQuery));
  }

  @Property(tries = 800)
  void anyQueryTextGetsJsonAndNever5xx(@ForAll("queries") String q) throws Exception {
    String path = "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    assertWellFormed(path, send(path));
  }

  /**
   * Any value in a route's path parameter ({@code /api/reviews/{id}}, the profiles' names), sent
   * encoded as a browser would or with its characters raw, by GET or HEAD: JSON (or, for HEAD, its
   * headers), never a 5xx; HEAD answers as GET does.
   */
  @Property(tries = 600)
  void anyPathParameterByGetOrHeadGetsJsonAndNever5xx(
      @ForAll("pathValues") String value,
      @ForAll("paramRoutes") String route,
      @ForAll boolean encoded)
      throws Exception {
    String path =
        route
            + (encoded
                ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")
                : raw(value));
    Answer get = send(path);
    assertWellFormed(path, get);
    URI uri;
    try {
      uri = URI.create("http://127.0.0.1:" + server.port() + path);
    } catch (IllegalArgumentException e) {
      return; // no valid URI: Java's client sends no HEAD of it (GET went raw above)
    }
    HttpResponse<String> head =
        http.send(
            HttpRequest.newBuilder(uri)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(java.time.Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.status());
    assertThat(head.body()).as("HEAD " + path).isEmpty();
  }

  /**
   * The value's printable ASCII as it is (a stray '%' included), the rest percent-encoded: Java's
   * client itself fails on a raw lone surrogate, before anything is sent.
   */
  private static String raw(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .forEach(
            c -> {
              if (c > 0x20 && c < 0x7F && c != '/' && c != '?' && c != '#') {
                out.appendCodePoint(c);
              } else if (c >= 0x7F || c < 0x20) {
                out.append(URLEncoder.encode(Character.toString(c), StandardCharsets.UTF_8));
              }
            });
    return out.toString();
  }

  @Provide
  Arbitrary<String> pathValues() {
    return Arbitraries.oneOf(
        Arbitraries.of(NASTY).filter(v -> v.length() < 2000),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(40),
        Arbitraries.of("x-label", "Noor Haddad", "Quiet Harbour", "%u0041", "a%zz", "%", ".."));
  }

  @Provide
  Arbitrary<String> paramRoutes() {
    return Arbitraries.of("/api/reviews/", "/api/critics/", "/api/works/");
  }

  /** What came back: status, content type, body. */
  private record Answer(int status, String contentType, String body) {}

  private static void assertWellFormed(String request, Answer answer) throws Exception {
    assertThat(answer.status()).as(request).isLessThan(500);
    assertThat(answer.contentType()).as(request).startsWith("application/json");
    JsonNode body = json.readTree(answer.body());
    assertThat(body).as(request).isNotNull();
    if (answer.status() >= 400) {
      byStatus400.incrementAndGet();
      JsonNode error = body.get("error");
      assertThat(error).as(request).isNotNull();
      assertThat(error.get("code").asText()).as(request).matches("[a-z_]+");
      assertThat(error.get("message").asText()).as(request).isNotBlank();
      assertThat(answer.body()).as(request).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  /**
   * Sends with Java's client, or as raw bytes when the target is no valid URI (a stray {@code %}):
   * the client refuses those, and reaching the server with them is the point.
   */
  private static Answer send(String pathAndQuery) throws Exception {
    URI uri;
    try {
      uri = URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    } catch (IllegalArgumentException e) {
      return sendRaw(pathAndQuery);
    }
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).GET().timeout(java.time.Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("content-type").orElse(""),
        response.body());
  }

  /** HTTP/1.0, so the answer is never chunked and ends when the server closes. */
  private static Answer sendRaw(String pathAndQuery) throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + pathAndQuery + " HTTP/1.0\r\nHost: localhost\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
      String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int split = raw.indexOf("\r\n\r\n");
      String head = raw.substring(0, split);
      String type =
          head.lines()
              .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
              .map(l -> l.substring("content-type:".length()).strip())
              .findFirst()
              .orElse("");
      return new Answer(Integer.parseInt(head.split(" ")[1]), type, raw.substring(split + 4));
    }
  }

  @Example
  void aStrayPercentSignReachesTheServerAndGetsAJsonError() throws Exception {
    Answer answer = send("/api/search?q=100%zz");
    assertWellFormed("stray %", answer);
    assertThat(answer.status()).isEqualTo(400);
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.oneOf(
        Arbitraries.of(NASTY),
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withChars("ab \"()*?~:-+\\^ANDORT").ofMaxLength(80),
        Arbitraries.of(NASTY).list().ofMaxSize(8).map(parts -> String.join(" ", parts)));
  }

  @Provide
  Arbitrary<String> requests() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of(NASTY),
            Arbitraries.strings().ofMaxLength(40),
            Arbitraries.integers().between(-5, 2000).map(String::valueOf));
    // Encoded as a browser would, or raw: stray '%', '+' and '&' are a client's mistakes to
    // survive.
    Arbitrary<String> pair =
        Combinators.combine(Arbitraries.of(NAMES), value, Arbitraries.integers().between(0, 9))
            .as(
                (name, v, how) ->
                    name
                        + "="
                        + (how == 0
                            ? v.replaceAll("[^A-Za-z0-9%+&=._-]", "")
                            : URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return Combinators.combine(
            Arbitraries.of(ROUTES),
            pair.list().ofMaxSize(6),
            Arbitraries.strings().alpha().numeric().ofMaxLength(12))
        .as(
            (route, pairs, id) ->
                (route.endsWith("/") ? route + (id.isEmpty() ? "x" : id) : route)
                    + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs)));
  }
}
