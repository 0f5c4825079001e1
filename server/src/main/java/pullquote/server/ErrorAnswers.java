package pullquote.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.logging.Level;
import java.util.logging.Logger;
import pullquote.search.InvalidParameterException;
import pullquote.search.SearchUnavailableException;

/**
 * Every failure answered in the API's error shape, with a stable {@code code}: a bad parameter
 * (400), nothing there (404), a wrong method (405), an index opening or a server full (503), and
 * anything unforeseen (500, logged in full, never shown). Jetty's own refusals, before any route
 * runs, are {@link JsonErrorHandler}'s.
 */
final class ErrorAnswers {

  private static final Logger LOG = Logger.getLogger(ErrorAnswers.class.getName());
  private static final String FAILED = "the server failed to answer; the failure is logged";

  private ErrorAnswers() {}

  /** Answers the error and marks the request with its code, for the access log and metrics. */
  static void send(Context ctx, HttpStatus status, String code, String message, String parameter) {
    ctx.attribute(ApiServer.ERROR_CODE, code);
    ctx.status(status).json(ApiError.of(code, message, parameter));
  }

  /** Errors of the JVM itself (out of memory, a stack overflow) while answering. */
  static void handleErrors(JavalinConfig config, ObjectMapper json) {
    config.router.javaLangErrorHandler(
        (response, error) -> {
          LOG.log(Level.SEVERE, "request failed with an error", error);
          response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.getCode());
          response.setContentType("application/json");
          try {
            response
                .getWriter()
                .write(json.writeValueAsString(ApiError.of("internal_error", FAILED, null)));
          } catch (java.io.IOException e) {
            LOG.log(Level.WARNING, "could not write the error response", e);
          }
        });
  }

  static void register(JavalinDefaultRoutingApi routes) {
    routes.exception(
        InvalidParameterException.class,
        (e, ctx) -> send(ctx, HttpStatus.BAD_REQUEST, e.code(), e.getMessage(), e.parameter()));
    routes.exception(
        Admission.Overloaded.class,
        (e, ctx) -> {
          ctx.header("Retry-After", "1");
          send(ctx, HttpStatus.SERVICE_UNAVAILABLE, "overloaded", e.getMessage(), null);
        });
    routes.exception(
        SearchUnavailableException.class,
        (e, ctx) -> {
          // an index opening, or one being built, is served within a second of being ready
          ctx.header("Retry-After", "1");
          send(ctx, HttpStatus.SERVICE_UNAVAILABLE, "index_unavailable", e.getMessage(), null);
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.log(Level.SEVERE, "request failed: " + ctx.method() + " " + ctx.path(), e);
          send(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", FAILED, null);
        });
    routes.error(
        HttpStatus.NOT_FOUND,
        ctx -> {
          if (!answered(ctx)) {
            send(
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
            send(
                ctx,
                HttpStatus.METHOD_NOT_ALLOWED,
                "method_not_allowed",
                ctx.method() + " is not allowed on " + ctx.path(),
                null));
  }

  /** A route that answered 404 itself (no such review) has said so in JSON already. */
  private static boolean answered(Context ctx) {
    return ctx.res().getContentType() != null
        && ctx.res().getContentType().startsWith("application/json");
  }
}
