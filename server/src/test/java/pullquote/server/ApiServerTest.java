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
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pullquote.index.LiveIndex;
import pullquote.ingest.Json;
import pullquote.testing.TestIndexes;

/** The API over real HTTP on a free port, against a real index on disk. */
class ApiServerTest {

  @TempDir static Path dir;
  static LiveIndex live;
  static ApiServer server;
  static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final ObjectMapper json = Json.newMapper();

  @BeforeAll
  static void start() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED, TestIndexes.EXTRA);
    live = TestIndexes.open(dir);
    server = new ApiServer(TestIndexes.service(live), json, Path.of("web")).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    live.close();
  }

  record Reply(int status, JsonNode body, String raw, String contentType) {}

  static Reply send(String method, String pathAndQuery) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    String type = response.headers().firstValue("content-type").orElse("");
    JsonNode body = type.startsWith("application/json") ? json.readTree(response.body()) : null;
    return new Reply(response.statusCode(), body, response.body(), type);
  }

  static String rawGet(String pathAndQuery) throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Reply get(String pathAndQuery) throws Exception {
    return send("GET", pathAndQuery);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void searchAnswersWithTheDocumentedFields() throws Exception {
    Reply r = get("/api/search?q=" + enc("\"running out of options\""));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("total").asLong()).isEqualTo(1);
    assertThat(r.body().has("took_ms")).isTrue();
    JsonNode hit = r.body().get("hits").get(0);
    assertThat(hit.fieldNames())
        .toIterable()
        .contains(
            "id",
            "work",
            "critic",
            "publication",
            "date",
            "score",
            "score_raw",
            "sentiment",
            "sentiment_source",
            "text",
            "highlights",
            "aliases");
    assertThat(hit.get("critic").asText()).isEqualTo("Noel Murray");
    assertThat(hit.get("date").asText()).isEqualTo("2013-07-15");
    assertThat(hit.get("sentiment").asText()).isEqualTo("positive");
    assertThat(hit.get("sentiment_source").asText()).isEqualTo("page");
    assertThat(hit.get("highlights").get("fragments").get(0).asText())
        .contains("<mark>running out of options</mark>");
    assertThat(hit.get("highlights").get("matches").get(0).get("start").asInt())
        .isEqualTo(hit.get("text").asText().indexOf("running out"));
    assertThat(r.body().get("facets").get("sentiment").get("positive").asLong()).isEqualTo(1);
    assertThat(r.body().get("warnings").isArray()).isTrue();
  }

  @Test
  void aForgivenSearchSaysHowInTheDocumentedFields() throws Exception {
    JsonNode plain = get("/api/search?q=" + enc("\"running out of options\"")).body();
    assertThat(plain.get("relaxed").isNull()).isTrue();
    assertThat(plain.get("did_you_mean").isNull()).isTrue();
    assertThat(plain.get("suggested_filters").isEmpty()).isTrue();
    assertThat(plain.get("expansions").isEmpty()).isTrue();

    // "optoins" is a typo of "options"; nothing in the index matches "zzqxv" in any form
    JsonNode forgiven = get("/api/search?q=" + enc("running out of optoins zzqxv")).body();
    assertThat(forgiven.get("total").asLong()).isEqualTo(1);
    assertThat(forgiven.get("hits").get(0).get("critic").asText()).isEqualTo("Noel Murray");
    assertThat(forgiven.get("relaxed").get("optional").get(0).asText()).isEqualTo("zzqxv");
    assertThat(forgiven.get("relaxed").get("min_match").asInt()).isEqualTo(4);
    assertThat(forgiven.get("relaxed").get("unknown").get(0).asText()).isEqualTo("zzqxv");
    assertThat(forgiven.get("did_you_mean").asText()).isEqualTo("running out of options zzqxv");
    JsonNode typo = forgiven.get("expansions").get(0);
    assertThat(typo.get("word").asText()).isEqualTo("optoins");
    assertThat(typo.get("kind").asText()).isEqualTo("typo");
    assertThat(typo.get("forms").get(0).asText()).isEqualTo("options");

    JsonNode name = get("/api/search?q=" + enc("noel MURRAY")).body();
    assertThat(name.get("suggested_filters").get(0).get("critic").asText())
        .isEqualTo("Noel Murray");
    assertThat(name.get("suggested_filters").get(0).get("reviews").asLong()).isEqualTo(1);
  }

  @Test
  void uncreditedCriticIsNull() throws Exception {
    Reply r = get("/api/search?q=" + enc("\"something rotten\""));
    assertThat(r.body().get("hits").get(0).get("critic").isNull()).isTrue();
  }

  @Test
  void repeatedParametersAreOrWithinAFacet() throws Exception {
    Reply r =
        get(
            "/api/search?critic="
                + enc("Noel Murray")
                + "&critic="
                + enc("Dennis Lim")
                + "&sentiment=positive&sentiment=mixed");
    assertThat(r.body().get("total").asLong()).isEqualTo(2);
    Reply mixed = get("/api/search?sentiment=mixed&work=Pusher");
    assertThat(mixed.body().get("total").asLong()).isEqualTo(2);
    assertThat(mixed.body().get("facets").get("sentiment").get("positive").asLong()).isEqualTo(9);
  }

  @Test
  void facetsAndHighlightsCanBeLeftOutToSaveTheirCost() throws Exception {
    Reply full = get("/api/search?q=" + enc("\"running out of options\""));
    Reply bare =
        get("/api/search?q=" + enc("\"running out of options\"") + "&facets=false&highlight=false");
    assertThat(bare.status()).isEqualTo(200);
    assertThat(bare.body().get("total")).isEqualTo(full.body().get("total"));
    assertThat(bare.body().get("facets").isNull()).isTrue();
    JsonNode hit = bare.body().get("hits").get(0);
    assertThat(hit.get("id")).isEqualTo(full.body().get("hits").get(0).get("id"));
    assertThat(hit.get("highlights").get("matches")).isEmpty();
  }

  @Test
  void requestsJettyRefusesBeforeAnyRouteStillGetTheJsonErrorShape() throws Exception {
    Reply r = get("/api/search?q=" + "a".repeat(10_000) + "%3Cscript%3E");
    assertThat(r.status()).isEqualTo(414);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.body().get("error").get("code").asText()).isEqualTo("uri_too_long");
    assertThat(r.raw()).doesNotContain("aaaa").doesNotContain("script");
  }

  @Test
  void withoutAServedIndexSearchesAndHealthSayComeBackInJson(@TempDir Path empty) throws Exception {
    try (LiveIndex none = new LiveIndex(new pullquote.index.IndexLayout(empty), json);
        ApiServer bare =
            new ApiServer(TestIndexes.service(none), json, Path.of("web")).start("127.0.0.1", 0)) {
      for (String path : new String[] {"/api/search?q=film", "/health"}) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bare.port() + path))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).as(path).contains("1");
        assertThat(json.readTree(response.body()).get("error").get("code").asText())
            .isEqualTo("index_unavailable");
      }
      assertThat(get("/health/live").status()).isEqualTo(200);
    }
  }

  @Test
  void livenessAnswersWithoutTouchingTheIndex() throws Exception {
    Reply r = get("/health/live");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("status").asText()).isEqualTo("ok");
    assertThat(get("/health/live?verbose=1").status()).isEqualTo(400);
  }

  @ParameterizedTest
  @CsvSource({
    "sentiment=happy, invalid_value, sentiment",
    "size=0, out_of_range, size",
    "size=101, out_of_range, size",
    "size=ten, invalid_value, size",
    "page=0, out_of_range, page",
    "page=2000&size=10, out_of_range, page",
    "from=yesterday, invalid_value, from",
    "to=2020-13-01, invalid_value, to",
    "from=2020-01-02&to=2020-01-01, out_of_range, from",
    "min_score=abc, invalid_value, min_score",
    "max_score=101, out_of_range, max_score",
    "sort=popularity, invalid_value, sort",
    "sort=relevance:asc, invalid_value, sort",
    "cursor=not-a-cursor, invalid_cursor, cursor",
    "colour=red, unknown_parameter, colour",
    "q=a&q=b, invalid_value, q",
    "facets=no, invalid_value, facets",
    "highlight=0, invalid_value, highlight",
  })
  void badParametersGetA400WithCodeAndParameter(String query, String code, String parameter)
      throws Exception {
    Reply r = get("/api/search?" + query);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.body().get("error").get("code").asText()).isEqualTo(code);
    assertThat(r.body().get("error").get("parameter").asText()).isEqualTo(parameter);
    assertThat(r.body().get("error").get("message").asText()).isNotBlank();
    assertThat(r.raw()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void forgedCursorsAreRejectedNotFailed() throws Exception {
    for (String raw :
        new String[] {
          "date:desc\u001Fi\u001F5\u001Fabc",
          "relevance\u001Fn\u001F\u001Fabc",
          "score:desc\u001Fl\u001F5\u001Fabc",
          "relevance\u001Ff\u001FNaN\u001Fabc"
        }) {
      String sort = raw.substring(0, raw.indexOf('\u001F'));
      String cursor =
          java.util.Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
      Reply r = get("/api/search?sort=" + enc(sort) + "&cursor=" + cursor);
      assertThat(r.status()).as(raw).isEqualTo(400);
      assertThat(r.body().get("error").get("code").asText()).isEqualTo("invalid_cursor");
    }
  }

  @Test
  void everyRouteRejectsUnknownAndRepeatedParametersAndBrokenEscapes() throws Exception {
    assertThat(get("/api/stats?x=1").status()).isEqualTo(400);
    assertThat(get("/health?x=1").body().get("error").get("code").asText())
        .isEqualTo("unknown_parameter");
    assertThat(get("/api/reviews/x-label?verbose=1").status()).isEqualTo(400);
    Reply repeated = get("/api/critics?limit=5&limit=999");
    assertThat(repeated.status()).isEqualTo(400);
    assertThat(repeated.body().get("error").get("parameter").asText()).isEqualTo("limit");
    // java.net.URI refuses a broken escape, so this request goes over a plain socket.
    String broken = rawGet("/api/search?q=%E0%A4%A");
    assertThat(broken)
        .startsWith("HTTP/1.1 400")
        .contains("\"code\":\"invalid_value\"")
        .contains("\"parameter\":\"q\"");
  }

  @Test
  void searchTextOverTheLengthLimitIsA400NamingTheLimit() throws Exception {
    Reply r = get("/api/search?q=" + "a".repeat(4001));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().at("/error/code").asText()).isEqualTo("out_of_range");
    assertThat(r.body().at("/error/parameter").asText()).isEqualTo("q");
    assertThat(r.body().at("/error/message").asText()).contains("at most 4000 characters");
    assertThat(get("/api/search?q=" + "a".repeat(4000)).status()).isEqualTo(200);
  }

  @Test
  void hostileQueriesNeverFail() throws Exception {
    for (String q :
        new String[] {
          "(".repeat(600),
          "x ".repeat(1100),
          "\"".repeat(999),
          "-".repeat(500),
          "*",
          "critic:",
          "OR AND NOT",
          "a~b\"~c"
        }) {
      Reply r = get("/api/search?q=" + enc(q));
      assertThat(r.status()).as(q.substring(0, Math.min(20, q.length()))).isEqualTo(200);
    }
  }

  @Test
  void reviewByIdAndUnknownId() throws Exception {
    Reply found = get("/api/reviews/x-label");
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body().get("critic").asText()).isEqualTo("Élodie Marchand");
    Reply missing = get("/api/reviews/nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().get("error").get("code").asText()).isEqualTo("not_found");
  }

  @Test
  void unknownRouteAndWrongMethodAreJsonErrors() throws Exception {
    Reply route = get("/api/nothing-here");
    assertThat(route.status()).isEqualTo(404);
    assertThat(route.body().get("error").get("code").asText()).isEqualTo("not_found");
    Reply post = send("POST", "/api/search?q=x");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.body().get("error").get("code").asText()).isEqualTo("method_not_allowed");
  }

  @Test
  void criticsAutocompleteWithCountsAndMix() throws Exception {
    Reply r = get("/api/critics?prefix=mur");
    JsonNode first = r.body().get("critics").get(0);
    assertThat(first.get("name").asText()).isEqualTo("Noel Murray");
    assertThat(first.get("reviews").asLong()).isEqualTo(1);
    assertThat(first.get("sentiment").get("positive").asLong()).isEqualTo(1);
    assertThat(get("/api/critics?prefix=elo").body().get("critics").get(0).get("name").asText())
        .isEqualTo("Élodie Marchand");
    Reply bad = get("/api/critics?limit=0");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("error").get("parameter").asText()).isEqualTo("limit");
  }

  @Test
  void statsAndHealth() throws Exception {
    Reply stats = get("/api/stats");
    assertThat(stats.body().get("reviews").asLong()).isEqualTo(15);
    assertThat(stats.body().get("sentiment").get("mixed").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(stats.body().get("size_bytes").asLong()).isPositive();
    assertThat(stats.body().get("build").get("files_read").asInt()).isEqualTo(2);
    Reply health = get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().get("status").asText()).isEqualTo("ok");
    assertThat(health.body().get("reviews").asLong()).isEqualTo(15);
    assertThat(health.body().get("generation").asText())
        .isEqualTo(stats.body().get("generation").asText());
  }

  @Test
  void cursorContinuesWhereThePageEnded() throws Exception {
    Reply first = get("/api/search?size=10&sort=date");
    String cursor = first.body().get("next_cursor").asText();
    Reply second = get("/api/search?size=10&sort=date&cursor=" + enc(cursor));
    assertThat(second.body().get("hits").size()).isEqualTo(5);
    assertThat(second.body().get("next_cursor").isNull()).isTrue();
  }

  @Test
  void servesTheWebPageAtTheRoot() throws Exception {
    Reply page = get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.raw()).contains("pullquote");
  }
}
