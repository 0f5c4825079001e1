package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.ingest.Json;
import pullquote.testing.TestIndexes;

/** {@code GET /metrics} scraped over real HTTP after requests the test makes and counts. */
class MetricsTest {

  @TempDir static Path dir;
  static LiveIndex live;
  static ApiServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED, TestIndexes.EXTRA);
    live = TestIndexes.open(dir);
    server = new ApiServer(TestIndexes.service(live), Json.newMapper(), null).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    live.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The value of the one sample whose line starts with the name and labels given. */
  static double sample(String metrics, String nameAndLabels) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(nameAndLabels) + " ([0-9.eE+-]+)$")
            .matcher(metrics);
    assertThat(m.find()).as(nameAndLabels + " in\n" + metrics).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void requestsAreCountedByRouteMethodAndStatusWithTheirLatency() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(get("/api/search?q=film").statusCode()).isEqualTo(200);
    }
    assertThat(get("/api/reviews/x-label").statusCode()).isEqualTo(200);
    assertThat(get("/api/reviews/none-such").statusCode()).isEqualTo(404);
    assertThat(get("/api/search?size=0").statusCode()).isEqualTo(400);

    HttpResponse<String> scraped = get("/metrics");
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
    String metrics = scraped.body();
    assertThat(
            sample(
                metrics,
                "pullquote_http_requests_total{method=\"GET\",route=\"/api/search\",status=\"200\"}"))
        .isGreaterThanOrEqualTo(3);
    assertThat(
            sample(
                metrics,
                "pullquote_http_requests_total{method=\"GET\",route=\"/api/reviews/{id}\",status=\"404\"}"))
        .isEqualTo(1);
    assertThat(
            sample(
                metrics,
                "pullquote_http_requests_total{method=\"GET\",route=\"/api/search\",status=\"400\"}"))
        .isEqualTo(1);
    assertThat(
            sample(metrics, "pullquote_http_request_duration_seconds_count{route=\"/api/search\"}"))
        .isGreaterThanOrEqualTo(4);
    assertThat(metrics)
        .contains(
            "pullquote_http_request_duration_seconds_bucket{route=\"/api/search\",le=\"0.005\"}");
  }

  @Test
  void theServedIndexItsBuildAndTheJvmAreReported() throws Exception {
    String metrics = get("/metrics").body();
    assertThat(sample(metrics, "pullquote_index_reviews")).isEqualTo(15);
    assertThat(metrics)
        .containsPattern("(?m)^pullquote_index_generation_info\\{generation=\"gen-000001\"\\} 1");
    assertThat(sample(metrics, "pullquote_build_reviews")).isEqualTo(15);
    assertThat(sample(metrics, "pullquote_build_skipped")).isZero();
    assertThat(sample(metrics, "pullquote_searches_in_flight")).isZero();
    assertThat(sample(metrics, "pullquote_searches_refused_total")).isZero();
    assertThat(sample(metrics, "pullquote_index_swaps_total")).isZero();
    for (String jvm :
        List.of("jvm_memory_used_bytes", "jvm_threads_current", "process_resident_memory_bytes")) {
      assertThat(metrics).as(jvm).containsPattern("(?m)^" + jvm + "[{ ]");
    }
  }
}
