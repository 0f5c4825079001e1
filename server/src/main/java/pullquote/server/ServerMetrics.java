package pullquote.server;

import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import pullquote.search.IndexHealth;
import pullquote.search.IndexStats;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchUnavailableException;

/**
 * The operator's view of a running server, in Prometheus's text format at {@code GET /metrics},
 * through Prometheus's own Java client: requests by route, method and status with their latency,
 * searches in flight, refused and timed out, the served generation (its reviews, how long it has
 * been served, how many swaps there have been) and its build, and the JVM's memory, threads and the
 * process's resident set. One registry per server, none shared: two servers in one JVM (the tests)
 * count apart.
 */
final class ServerMetrics {

  private static final Logger LOG = Logger.getLogger(ServerMetrics.class.getName());

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final Counter requests;
  private final Histogram latency;
  private final Counter timedOut;
  private final Counter refused;
  private final Clock clock;

  /** The generation last seen served, when it was first seen, and how many changes were seen. */
  private final AtomicReference<String> generation = new AtomicReference<>();

  private volatile Instant servedSince;
  private final AtomicLong swaps = new AtomicLong();
  private boolean jvmRegistered;

  ServerMetrics(
      ReviewSearchService search,
      Admission admission,
      java.util.function.LongSupplier slowClientsClosed,
      Clock clock) {
    this.clock = clock;
    requests =
        Counter.builder()
            .name("pullquote_http_requests_total")
            .help("HTTP requests answered, by route (as registered), method and status")
            .labelNames("route", "method", "status")
            .register(registry);
    latency =
        Histogram.builder()
            .name("pullquote_http_request_duration_seconds")
            .help("Time to answer an HTTP request, by route")
            .labelNames("route")
            .classicOnly()
            .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
            .register(registry);
    timedOut =
        Counter.builder()
            .name("pullquote_searches_timed_out_total")
            .help("Searches that used up their time budget and answered with what they had")
            .register(registry);
    refused =
        Counter.builder()
            .name("pullquote_searches_refused_total")
            .help("Searches turned away with 503 overloaded: no slot freed up in time")
            .register(registry);
    CounterWithCallback.builder()
        .name("pullquote_http_slow_clients_closed_total")
        .help("Connections closed because their request head took over 10 s to arrive")
        .callback(cb -> cb.call(slowClientsClosed.getAsLong()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("pullquote_searches_in_flight")
        .help("Searches being answered now")
        .callback(cb -> cb.call(admission.inFlight()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("pullquote_index_reviews")
        .help("Reviews in the served generation")
        .callback(cb -> health(search, h -> cb.call(h.reviews())))
        .register(registry);
    GaugeWithCallback.builder()
        .name("pullquote_index_generation_info")
        .help("The served generation, as a label; always 1")
        .labelNames("generation")
        .callback(cb -> health(search, h -> cb.call(1, h.generation())))
        .register(registry);
    GaugeWithCallback.builder()
        .name("pullquote_index_served_seconds")
        .help("How long the served generation has been served, as this server saw it")
        .callback(
            cb -> {
              health(search, h -> {});
              Instant since = servedSince;
              if (since != null) {
                cb.call(Duration.between(since, clock.instant()).toMillis() / 1000.0);
              }
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("pullquote_index_swaps_total")
        .help("Changes of the served generation this server has seen since it started")
        .callback(cb -> cb.call(swaps.get()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("pullquote_build_duration_seconds")
        .help("How long the served generation's build took")
        .callback(cb -> build(search, b -> cb.call(b.elapsedMs() / 1000.0)))
        .register(registry);
    GaugeWithCallback.builder()
        .name("pullquote_build_reviews")
        .help("Reviews the served generation's build indexed")
        .callback(cb -> build(search, b -> cb.call(b.reviews())))
        .register(registry);
    GaugeWithCallback.builder()
        .name("pullquote_build_skipped")
        .help("Records the served generation's build skipped, all reasons together")
        .callback(
            cb ->
                build(
                    search,
                    b -> cb.call(b.skipped().values().stream().mapToLong(Long::longValue).sum())))
        .register(registry);
  }

  /**
   * The JVM's and the process's metrics join the registry at the first scrape: registering them
   * reads a dozen management beans, which a server's start-up need not wait for.
   */
  private synchronized void registerJvmOnce() {
    if (!jvmRegistered) {
      JvmMetrics.builder().register(registry);
      jvmRegistered = true;
    }
  }

  /** Counts an answered request: Javalin's request logger calls this after every one. */
  void observe(Context ctx, float millis) {
    String route = route(ctx);
    requests.labelValues(route, ctx.method().name(), Integer.toString(ctx.statusCode())).inc();
    latency.labelValues(route).observe(millis / 1000.0);
    if (ctx.statusCode() == 503 && "overloaded".equals(ctx.attribute(ApiServer.ERROR_CODE))) {
      refused.inc();
    }
    if (Boolean.TRUE.equals(ctx.attribute(ApiServer.TIMED_OUT))) {
      timedOut.inc();
    }
  }

  /** The route as registered ({@code /api/reviews/{id}}), so ids do not become labels. */
  static String route(Context ctx) {
    var endpoint = ctx.endpoints().lastHttpEndpoint();
    if (endpoint != null) {
      return endpoint.path;
    }
    return ctx.statusCode() == 404 ? "unmatched" : "static";
  }

  void write(Context ctx) throws IOException {
    registerJvmOnce();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, registry.scrape());
    ctx.contentType(writer.getContentType()).result(out.toByteArray());
  }

  private void health(ReviewSearchService search, java.util.function.Consumer<IndexHealth> use) {
    IndexHealth h;
    try {
      h = search.health();
    } catch (SearchUnavailableException e) {
      return; // nothing served: no figure rather than a wrong one
    }
    String before = generation.getAndSet(h.generation());
    if (!h.generation().equals(before)) {
      servedSince = clock.instant();
      if (before != null) {
        swaps.incrementAndGet();
      }
    }
    use.accept(h);
  }

  private void build(
      ReviewSearchService search, java.util.function.Consumer<pullquote.index.BuildInfo> use) {
    try {
      IndexStats stats = search.stats();
      if (stats.build() != null) {
        use.accept(stats.build());
      }
    } catch (SearchUnavailableException e) {
      // nothing served
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "no build figures for the metrics", e);
    }
  }
}
