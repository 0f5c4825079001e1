package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.ingest.Json;
import pullquote.search.CriticSuggestion;
import pullquote.search.IndexHealth;
import pullquote.search.IndexStats;
import pullquote.search.ReviewHit;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchRequest;
import pullquote.search.SearchResponse;
import pullquote.testing.TestIndexes;

class AdmissionTest {

  @TempDir Path dir;

  /** The real index, with the first search held until the test lets it go. */
  private static final class HeldSearch implements ReviewSearchService {
    private final ReviewSearchService real;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    HeldSearch(ReviewSearchService real) {
      this.real = real;
    }

    @Override
    public SearchResponse search(SearchRequest request) {
      if (entered.getCount() > 0) {
        entered.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return real.search(request);
    }

    @Override
    public Optional<ReviewHit> review(String id) {
      return real.review(id);
    }

    @Override
    public List<CriticSuggestion> critics(String prefix, int limit) {
      return real.critics(prefix, limit);
    }

    @Override
    public IndexStats stats() {
      return real.stats();
    }

    @Override
    public IndexHealth health() {
      return real.health();
    }

    @Override
    public List<pullquote.ingest.Review> reviewsOf(String field, String name, int limit) {
      return real.reviewsOf(field, name, limit);
    }

    @Override
    public java.util.Map<String, pullquote.search.WorkTally> workTallies() {
      return real.workTallies();
    }
  }

  @Test
  void searchesBeyondTheBoundGetA503WithRetryAfterAndTheAdmittedOneStillAnswers() throws Exception {
    TestIndexes.build(dir.resolve("index"), TestIndexes.SEED);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (LiveIndex live = TestIndexes.open(dir.resolve("index"))) {
      HeldSearch held = new HeldSearch(TestIndexes.service(live));
      try (ApiServer server =
          new ApiServer(
                  held,
                  Json.newMapper(),
                  null,
                  List.of(),
                  new Admission.Limits(1, Duration.ofMillis(50)))
              .start("127.0.0.1", 0)) {
        URI search = URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=pusher");
        CompletableFuture<HttpResponse<String>> first =
            http.sendAsync(
                HttpRequest.newBuilder(search).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(held.entered.await(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> turnedAway =
            http.send(HttpRequest.newBuilder(search).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(turnedAway.statusCode()).isEqualTo(503);
        assertThat(turnedAway.headers().firstValue("Retry-After")).contains("1");
        JsonNode error = Json.newMapper().readTree(turnedAway.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("overloaded");
        assertThat(error.get("message").asText()).contains("retry");

        held.release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(
                http.send(
                        HttpRequest.newBuilder(search).build(),
                        HttpResponse.BodyHandlers.ofString())
                    .statusCode())
            .as("the slot is free again")
            .isEqualTo(200);
      }
    }
  }
}
