package pullquote.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's own count of a run, read from its {@code GET /metrics} before and after: what it
 * answered to searches by status, swaps, searches refused and timed out. Set beside what the
 * clients saw, it shows the operator's view agrees with theirs.
 *
 * @param searchStatuses answers of {@code /api/search} by status
 */
public record MetricsScrape(
    Map<String, Long> searchStatuses, long swaps, long refused, long timedOut) {

  private static final String SEARCH_ANSWERS = "pullquote_http_requests_total{";

  public MetricsScrape {
    searchStatuses = java.util.Collections.unmodifiableMap(new TreeMap<>(searchStatuses));
  }

  /** Reads the server's metrics now. */
  public static MetricsScrape of(URI server) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(server.resolve("/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IOException("GET /metrics answered " + answer.statusCode());
      }
      return parse(answer.body());
    }
  }

  /** Reads the figures out of Prometheus's text format. */
  static MetricsScrape parse(String text) {
    Map<String, Long> statuses = new TreeMap<>();
    long swaps = 0;
    long refused = 0;
    long timedOut = 0;
    for (String line : text.lines().toList()) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String series = line.substring(0, space);
      // counters: whole numbers written as doubles ("12.0")
      long value = Math.round(Double.parseDouble(line.substring(space + 1)));
      if (series.startsWith(SEARCH_ANSWERS) && series.contains("route=\"/api/search\"")) {
        statuses.merge(label(series, "status"), value, Long::sum);
      } else if (series.equals("pullquote_index_swaps_total")) {
        swaps = value;
      } else if (series.equals("pullquote_searches_refused_total")) {
        refused = value;
      } else if (series.equals("pullquote_searches_timed_out_total")) {
        timedOut = value;
      }
    }
    return new MetricsScrape(statuses, swaps, refused, timedOut);
  }

  private static String label(String series, String name) {
    int at = series.indexOf(name + "=\"") + name.length() + 2;
    return series.substring(at, series.indexOf('"', at));
  }

  /** What happened between an earlier scrape and this one. */
  public MetricsScrape since(MetricsScrape earlier) {
    Map<String, Long> statuses = new TreeMap<>(searchStatuses);
    earlier.searchStatuses.forEach((status, n) -> statuses.merge(status, -n, Long::sum));
    statuses.values().removeIf(n -> n == 0);
    return new MetricsScrape(
        statuses, swaps - earlier.swaps, refused - earlier.refused, timedOut - earlier.timedOut);
  }

  /** Search answers the server counted with a 5xx status. */
  public long serverErrors() {
    return searchStatuses.entrySet().stream()
        .filter(e -> e.getKey().startsWith("5"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
