package pullquote.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import pullquote.index.solr.SolrConnection;
import pullquote.ingest.Json;
import pullquote.server.ApiServer;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;
import pullquote.testing.TestIndexes;

/** The HTTP API over a SolrCloud collection: the same fields, parameters and error shapes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SolrApiTest {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = Json.newMapper();
  private SolrBackend backend;
  private ApiServer server;

  @BeforeAll
  void start() throws Exception {
    SolrConnection connection =
        SolrCollections.create(SOLR.cluster(), "api_contract", 2, 1, TestIndexes.SEED);
    backend = new SolrBackend(connection, Duration.ofSeconds(5));
    backend.open();
    server = new ApiServer(backend.service(), json, Path.of("web")).start("127.0.0.1", 0);
  }

  @AfterAll
  void stop() {
    server.close();
    backend.close();
  }

  private record Reply(int status, JsonNode body) {}

  private Reply get(ApiServer on, String pathAndQuery) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + pathAndQuery))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), json.readTree(response.body()));
  }

  @Test
  void aSearchAnswersWithTheDocumentedFields() throws Exception {
    Reply reply = get(server, "/api/search?q=pusher&size=2");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().get("total").asLong()).isPositive();
    assertThat(reply.body().get("hits")).hasSize(2);
    assertThat(reply.body().get("next_cursor").isTextual()).isTrue();
    assertThat(reply.body().get("facets").get("sentiment").get("positive").asLong()).isPositive();
    assertThat(reply.body().get("partial").asBoolean()).isFalse();
    assertThat(reply.body().get("missing_shards")).isEmpty();
    JsonNode hit = reply.body().get("hits").get(0);
    assertThat(hit.get("highlights").get("fragments").get(0).asText()).contains("<mark>");
    assertThat(hit.has("sentiment_source")).isTrue();
  }

  @Test
  void badParametersAndCursorsAreTheSameJson400s() throws Exception {
    Reply unknown = get(server, "/api/search?q=x&colour=red");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("error").get("code").asText()).isEqualTo("unknown_parameter");
    Reply cursor = get(server, "/api/search?q=x&cursor=nonsense");
    assertThat(cursor.status()).isEqualTo(400);
    assertThat(cursor.body().get("error").get("code").asText()).isEqualTo("invalid_cursor");
  }

  @Test
  void aCollectionTheClusterLacksIsA503ThatSaysSo() throws Exception {
    try (SolrBackend missing =
            new SolrBackend(
                new SolrConnection(SOLR.cluster().urls(), "no_such_reviews"),
                Duration.ofSeconds(5));
        ApiServer lacking =
            new ApiServer(missing.service(), json, Path.of("web")).start("127.0.0.1", 0)) {
      Reply reply = get(lacking, "/api/search?q=pusher");
      assertThat(reply.status()).isEqualTo(503);
      assertThat(reply.body().get("error").get("code").asText()).isEqualTo("index_unavailable");
      assertThat(reply.body().get("error").get("message").asText())
          .contains("no_such_reviews")
          .doesNotContain("Exception");
    }
  }

  @Test
  void criticAutocompleteStatsAndOneReviewAnswer() throws Exception {
    assertThat(
            get(server, "/api/critics?prefix=mur")
                .body()
                .get("critics")
                .get(0)
                .get("name")
                .asText())
        .isEqualTo("Noel Murray");
    var stats = get(server, "/api/stats").body();
    assertThat(stats.get("reviews").asLong()).isEqualTo(11);
    // one copy of each shard on disk: a few KB for eleven reviews, and never nothing
    assertThat(stats.get("size_bytes").asLong()).isBetween(1_000L, 10_000_000L);
    String id =
        get(server, "/api/search?q=pusher&size=1").body().get("hits").get(0).get("id").asText();
    assertThat(get(server, "/api/reviews/" + id).body().get("id").asText()).isEqualTo(id);
    assertThat(List.of(get(server, "/api/reviews/none").status())).containsExactly(404);
  }
}
