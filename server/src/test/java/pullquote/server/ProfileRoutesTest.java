package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.ingest.Json;
import pullquote.testing.TestIndexes;

/** The profile routes over real HTTP, on the four-critics fixture the profile figures pin. */
class ProfileRoutesTest {

  static final Path FOUR_CRITICS =
      Path.of("server", "src", "test", "resources", "fixtures", "profiles", "four-critics.jsonl");

  @TempDir static Path dir;
  static LiveIndex live;
  static ApiServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    TestIndexes.build(dir, FOUR_CRITICS);
    live = TestIndexes.open(dir);
    server = new ApiServer(TestIndexes.service(live), Json.newMapper(), null).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    live.close();
  }

  record Reply(int status, JsonNode body) {}

  static Reply get(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), Json.newMapper().readTree(r.body()));
  }

  @Test
  void aCriticsProfileAnswersWithItsFigures() throws Exception {
    Reply r = get("/api/critics/Ann%20Ames?sort=date");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("name").asText()).isEqualTo("Ann Ames");
    assertThat(r.body().get("generosity").get("points").asDouble()).isEqualTo(27.2);
    assertThat(r.body().get("generosity").get("works").asInt()).isEqualTo(3);
    assertThat(r.body().get("agreement").get("share").asDouble()).isEqualTo(0.333);
    assertThat(r.body().get("agreement").get("min_others").asInt()).isEqualTo(3);
    assertThat(r.body().get("works").get(0).get("id").asText()).isEqualTo("p-a-gamma");
    assertThat(r.body().get("most_favourable").get(0).get("text").asText()).contains("masterpiece");
    assertThat(r.body().get("first_year").asInt()).isEqualTo(2019);
  }

  @Test
  void aWorksProfileAnswersWithItsVerdictAndQuotes() throws Exception {
    Reply r = get("/api/works/beta");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("title").asText()).isEqualTo("Beta");
    assertThat(r.body().get("verdict").get("label").asText())
        .isEqualTo("Generally unfavorable reviews");
    assertThat(r.body().get("verdict").get("based_on").asInt()).isEqualTo(4);
    assertThat(r.body().get("negative_quotes").size()).isEqualTo(2);
    assertThat(r.body().get("critics").size()).isEqualTo(4);
  }

  @Test
  void anUnknownNameIsA404AndABadSortOrParameterA400() throws Exception {
    Reply missing = get("/api/critics/Nobody");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().get("error").get("code").asText()).isEqualTo("not_found");
    assertThat(get("/api/works/Delta").status()).isEqualTo(404);
    Reply sort = get("/api/critics/Ann%20Ames?sort=rating");
    assertThat(sort.status()).isEqualTo(400);
    assertThat(sort.body().get("error").get("parameter").asText()).isEqualTo("sort");
    assertThat(get("/api/works/Beta?verbose=1").body().get("error").get("code").asText())
        .isEqualTo("unknown_parameter");
    // the autocomplete route is still there beside the profiles
    assertThat(get("/api/critics?prefix=an").status()).isEqualTo(200);
  }
}
