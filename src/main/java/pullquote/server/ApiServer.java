package pullquote.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import pullquote.index.IndexUnavailableException;
import pullquote.search.InvalidParameterException;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchParameters;

/** The HTTP server: the JSON API under {@code /api}, {@code /health}, and the page in web/. */
public final class ApiServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());
  private static final int DEFAULT_CRITIC_LIMIT = 10;
  private static final int MAX_CRITIC_LIMIT = 50;

  private final ReviewSearchService search;
  private final Javalin app;

  /**
   * @param webDir the static page's directory; null to serve the API alone
   */
  public ApiServer(ReviewSearchService search, ObjectMapper json, Path webDir) {
    this.search = search;
    this.app = Javalin.create(config -> configure(config, json, webDir));
  }

  private void configure(JavalinConfig config, ObjectMapper json, Path webDir) {
    config.startup.showJavalinBanner = false;
    config.jsonMapper(new JavalinJackson(json, false));
    config.http.prefer405over404 = true;
    if (webDir != null && Files.isDirectory(webDir)) {
      config.staticFiles.add(
          files -> {
            files.hostedPath = "/";
            files.directory = webDir.toAbsolutePath().toString();
            files.location = Location.EXTERNAL;
          });
    }
    var routes = config.routes;
    routes.get("/api/search", this::searchRoute);
    routes.get("/api/reviews/{id}", this::reviewRoute);
    routes.get("/api/critics", this::criticsRoute);
    routes.get("/api/stats", ctx -> ctx.json(search.stats()));
    routes.get("/health", this::healthRoute);
    routes.exception(
        InvalidParameterException.class,
        (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.code(), e.getMessage(), e.parameter()));
    routes.exception(
        IndexUnavailableException.class,
        (e, ctx) ->
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "index_unavailable", e.getMessage(), null));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.log(Level.SEVERE, "request failed: " + ctx.method() + " " + ctx.path(), e);
          error(
              ctx,
              HttpStatus.INTERNAL_SERVER_ERROR,
              "internal_error",
              "the server failed to answer; the failure is logged",
              null);
        });
    routes.error(
        HttpStatus.NOT_FOUND,
        ctx -> {
          if (!answered(ctx)) {
            error(
                ctx,
                HttpStatus.NOT_FOUND,
                "not_found",
                "nothing at " + ctx.method() + " " + ctx.path(),
                null);
          }
        });
    routes.error(
        HttpStatus.METHOD_NOT_ALLOWED,
        ctx ->
            error(
                ctx,
                HttpStatus.METHOD_NOT_ALLOWED,
                "method_not_allowed",
                ctx.method() + " is not allowed on " + ctx.path(),
                null));
  }

  private void searchRoute(Context ctx) {
    ctx.json(search.search(SearchParameters.parse(ctx.queryParamMap())));
  }

  private void reviewRoute(Context ctx) {
    String id = ctx.pathParam("id");
    search
        .review(id)
        .ifPresentOrElse(
            ctx::json,
            () ->
                error(
                    ctx,
                    HttpStatus.NOT_FOUND,
                    "not_found",
                    "no review has the id '" + id + "'",
                    "id"));
  }

  private void criticsRoute(Context ctx) {
    Map<String, List<String>> params = ctx.queryParamMap();
    for (String name : params.keySet()) {
      if (!Set.of("prefix", "limit").contains(name)) {
        throw new InvalidParameterException(
            InvalidParameterException.UNKNOWN_PARAMETER,
            name,
            "unknown parameter '" + name + "'; known ones are [limit, prefix]");
      }
    }
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
    ctx.json(Map.of("critics", search.critics(prefix == null ? "" : prefix, limit)));
  }

  private void healthRoute(Context ctx) {
    var stats = search.stats();
    ctx.json(Map.of("status", "ok", "reviews", stats.reviews(), "generation", stats.generation()));
  }

  private static boolean answered(Context ctx) {
    return ctx.res().getContentType() != null
        && ctx.res().getContentType().startsWith("application/json");
  }

  private static void error(
      Context ctx, HttpStatus status, String code, String message, String parameter) {
    ctx.status(status).json(ApiError.of(code, message, parameter));
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
