package pullquote.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import pullquote.search.IndexHealth;
import pullquote.search.InvalidParameterException;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchParameters;
import pullquote.search.profile.Profiles;
import pullquote.sentiment.LinearSentimentModel;

/** The HTTP server: the JSON API under {@code /api}, {@code /health}, and the page in web/. */
public final class ApiServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());
  private static final int DEFAULT_CRITIC_LIMIT = 10;
  private static final int MAX_CRITIC_LIMIT = 50;

  /** What a request's answer was, for the metrics and the access log: its error code. */
  static final String ERROR_CODE = "pullquote.error-code";

  /** True on a search that used up its time budget. */
  static final String TIMED_OUT = "pullquote.timed-out";

  /** A search's total hits, for the access log. */
  static final String HITS = "pullquote.hits";

  private final ReviewSearchService search;
  private final ServerMetrics metrics;

  /** Counted down by the first answer: the profile warm-up waits for it (or 2 s). */
  private final java.util.concurrent.CountDownLatch firstAnswered =
      new java.util.concurrent.CountDownLatch(1);

  private final boolean accessLog;
  private final Admission admission;
  private final SlowClientGuard slowClients;
  private final ProfileRoutes profiles;
  private final Javalin app;

  /**
   * @param webDir the static page's directory; null to serve the API alone
   */
  public ApiServer(ReviewSearchService search, ObjectMapper json, Path webDir) {
    this(search, json, webDir, List.of());
  }

  /**
   * @param corsOrigins origins ({@code https://films.example}) whose pages may call the API from a
   *     browser; empty, the default, sends no CORS header at all
   */
  public ApiServer(
      ReviewSearchService search, ObjectMapper json, Path webDir, List<String> corsOrigins) {
    this(search, json, webDir, corsOrigins, false);
  }

  /**
   * @param accessLog true to print one line per request on standard output ({@link AccessLog})
   */
  public ApiServer(
      ReviewSearchService search,
      ObjectMapper json,
      Path webDir,
      List<String> corsOrigins,
      boolean accessLog) {
    this(
        search,
        json,
        webDir,
        corsOrigins,
        Admission.Limits.DEFAULT,
        SlowClientGuard.HEAD_TIMEOUT,
        accessLog);
  }

  ApiServer(
      ReviewSearchService search,
      ObjectMapper json,
      Path webDir,
      List<String> corsOrigins,
      Admission.Limits limits) {
    this(search, json, webDir, corsOrigins, limits, SlowClientGuard.HEAD_TIMEOUT, false);
  }

  /** A server whose clients must send a request's head within {@code headTimeout}. */
  ApiServer(ReviewSearchService search, ObjectMapper json, Path webDir, Duration headTimeout) {
    this(search, json, webDir, List.of(), Admission.Limits.DEFAULT, headTimeout, false);
  }

  private ApiServer(
      ReviewSearchService search,
      ObjectMapper json,
      Path webDir,
      List<String> corsOrigins,
      Admission.Limits limits,
      Duration headTimeout,
      boolean accessLog) {
    this.search = search;
    this.accessLog = accessLog;
    this.admission = new Admission(limits);
    this.slowClients = new SlowClientGuard(headTimeout, System::nanoTime);
    this.metrics =
        new ServerMetrics(search, admission, slowClients::closedCount, java.time.Clock.systemUTC());
    // The text model picks the pull quotes: loaded on the first work profile, not at start-up.
    this.profiles =
        new ProfileRoutes(
            new Profiles(search, new LazyModel(LinearSentimentModel::bundled)), admission);
    // Browsers send the origin in lower case; a name given in capitals would never match.
    List<String> origins =
        corsOrigins.stream().map(o -> o.toLowerCase(java.util.Locale.ROOT)).toList();
    this.app = Javalin.create(config -> configure(config, json, webDir, origins));
  }

  /**
   * Sets up a server and discards it, unstarted. The first set-up in a JVM initialises much of
   * Jetty (0.5 s of a 1M-review server's start-up, with the JVM's cache) and later ones take
   * milliseconds, so {@code serve} runs this in the background while the command line is read and
   * the index opens.
   */
  public static void warmUp(Path webDir) {
    try {
      Javalin.create(
          config -> {
            config.startup.showJavalinBanner = false;
            // discarded on purpose: no "you created a Javalin instance but never started it"
            config.startup.startupWatcherEnabled = false;
            WebFiles.serve(config, webDir);
          });
    } catch (RuntimeException e) {
      // nothing lost: the real set-up does the same work, and reports a real fault itself
      LOG.log(Level.FINE, "server warm-up failed", e);
    }
  }

  private void configure(
      JavalinConfig config, ObjectMapper json, Path webDir, List<String> corsOrigins) {
    if (!corsOrigins.isEmpty()) {
      // By hand rather than Javalin's CORS plugin, which answered 400 to an origin not on the
      // list; another origin gets the answer without the header, and the browser withholds it.
      // Only simple GET and HEAD requests exist here, so no preflight is needed.
      config.routes.before(
          ctx -> {
            ctx.header("Vary", "Origin");
            String origin = ctx.header("Origin");
            if (origin != null && corsOrigins.contains(origin)) {
              ctx.header("Access-Control-Allow-Origin", origin);
            }
          });
    }
    config.startup.showJavalinBanner = false;
    config.jsonMapper(new JavalinJackson(json, false));
    config.http.prefer405over404 = true;
    config.jetty.modifyServer(
        server -> {
          server.setErrorHandler(new JsonErrorHandler(json));
          slowClients.install(server);
        });
    ErrorAnswers.handleErrors(config, json);
    WebFiles.serve(config, webDir);
    var routes = config.routes;
    RequestRules.register(routes);
    config.requestLogger.http(
        (ctx, millis) -> {
          if (ctx.statusCode() < 500) {
            firstAnswered.countDown(); // not the 503s of an index still opening
          }
          metrics.observe(ctx, millis);
          if (accessLog) {
            System.out.println(AccessLog.line(ctx, millis));
          }
        });
    RequestRules.read(
        routes,
        "/metrics",
        ctx -> {
          allowOnly(ctx, Set.of());
          metrics.write(ctx);
        });
    RequestRules.read(routes, "/api/search", this::searchRoute);
    RequestRules.read(
        routes,
        "/api/reviews/{id}",
        ctx -> {
          allowOnly(ctx, Set.of());
          reviewRoute(ctx);
        });
    RequestRules.read(routes, "/api/critics", this::criticsRoute);
    profiles.register(routes);
    RequestRules.read(
        routes,
        "/api/stats",
        ctx -> {
          allowOnly(ctx, Set.of());
          ctx.json(search.stats());
        });
    // Liveness: answers without touching the index, so it also serves as the HTTP floor that
    // benchmarks compare searches against.
    RequestRules.read(
        routes,
        "/health/live",
        ctx -> {
          allowOnly(ctx, Set.of());
          ctx.json(Map.of("status", "ok"));
        });
    RequestRules.read(
        routes,
        "/health",
        ctx -> {
          allowOnly(ctx, Set.of());
          healthRoute(ctx);
        });
    ErrorAnswers.register(routes);
  }

  private void searchRoute(Context ctx) {
    var request = SearchParameters.parse(ctx.queryParamMap());
    var response = admission.run(() -> search.search(request));
    ctx.attribute(HITS, response.total());
    ctx.attribute(TIMED_OUT, response.timedOut());
    ctx.json(response);
  }

  private void reviewRoute(Context ctx) {
    String id = ctx.pathParam("id");
    admission
        .run(() -> search.review(id))
        .ifPresentOrElse(
            ctx::json,
            () ->
                ErrorAnswers.send(
                    ctx,
                    HttpStatus.NOT_FOUND,
                    "not_found",
                    "no review has the id '" + id + "'",
                    "id"));
  }

  private void criticsRoute(Context ctx) {
    allowOnly(ctx, Set.of("prefix", "limit"));
    int limit = DEFAULT_CRITIC_LIMIT;
    String rawLimit = ctx.queryParam("limit");
    if (rawLimit != null && !rawLimit.isBlank()) {
      try {
        limit = Integer.parseInt(rawLimit.strip());
      } catch (NumberFormatException e) {
        throw new InvalidParameterException(
            InvalidParameterException.INVALID_VALUE,
            "limit",
            "limit must be a whole number; got '" + rawLimit + "'");
      }
      if (limit < 1 || limit > MAX_CRITIC_LIMIT) {
        throw new InvalidParameterException(
            InvalidParameterException.OUT_OF_RANGE,
            "limit",
            "limit must be between 1 and " + MAX_CRITIC_LIMIT);
      }
    }
    String prefix = ctx.queryParam("prefix");
    int max = limit;
    ctx.json(
        Map.of("critics", admission.run(() -> search.critics(prefix == null ? "" : prefix, max))));
  }

  /** Every parameter must be one the route has, given once. */
  private static void allowOnly(Context ctx, Set<String> known) {
    SearchParameters.requireOnly(ctx.queryParamMap(), known, Set.of());
  }

  private void healthRoute(Context ctx) {
    // Not stats(): a monitor polling right after start-up would pay for counting every review.
    IndexHealth health = search.health();
    ctx.json(
        Map.of("status", "ok", "reviews", health.reviews(), "generation", health.generation()));
  }

  /**
   * Makes a profile of each kind in the background, once the index is open, so the first reader's
   * profile does not load and compile the code; a failure only leaves that to the first request. It
   * starts after the first answer (or 2 s), as the index's own warming does: on two cores it took
   * 100 ms from the first search of a 1M index when it ran beside it.
   */
  public void warmProfiles() {
    Thread.ofPlatform()
        .daemon()
        .name("profile-warm-up")
        .start(
            () -> {
              try {
                firstAnswered.await(2, java.util.concurrent.TimeUnit.SECONDS);
                profiles.warm();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                LOG.log(Level.FINE, "profile warm-up failed", e);
              }
            });
  }

  /** Starts serving; port 0 picks a free port. */
  public ApiServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
