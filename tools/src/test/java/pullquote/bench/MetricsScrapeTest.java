package pullquote.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsScrapeTest {

  private static final String BEFORE =
      """
      # HELP pullquote_http_requests_total HTTP requests answered
      # TYPE pullquote_http_requests_total counter
      pullquote_http_requests_total{method="GET",route="/api/search",status="200"} 10.0
      pullquote_http_requests_total{method="GET",route="/api/stats",status="200"} 4.0
      pullquote_index_swaps_total 0.0
      pullquote_searches_refused_total 0.0
      pullquote_searches_timed_out_total 1.0
      """;

  private static final String AFTER =
      """
      pullquote_http_requests_total{method="GET",route="/api/search",status="200"} 110.0
      pullquote_http_requests_total{method="HEAD",route="/api/search",status="200"} 5.0
      pullquote_http_requests_total{method="GET",route="/api/search",status="503"} 2.0
      pullquote_http_requests_total{method="GET",route="/api/stats",status="200"} 9.0
      pullquote_index_swaps_total 1.0
      pullquote_searches_refused_total 2.0
      pullquote_searches_timed_out_total 1.0
      """;

  @Test
  void theRunIsWhatTheServerCountedBetweenTwoScrapes() {
    MetricsScrape run = MetricsScrape.parse(AFTER).since(MetricsScrape.parse(BEFORE));
    assertThat(run.searchStatuses())
        .containsExactly(Map.entry("200", 105L), Map.entry("503", 2L)); // in status order
    assertThat(run.swaps()).isEqualTo(1);
    assertThat(run.refused()).isEqualTo(2);
    assertThat(run.timedOut()).isZero();
    assertThat(run.serverErrors()).isEqualTo(2);
  }
}
