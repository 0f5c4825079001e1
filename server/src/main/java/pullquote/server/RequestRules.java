package pullquote.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.regex.Pattern;
import pullquote.search.InvalidParameterException;

/**
 * What every API request meets besides its route: a malformed %-escape anywhere in the request line
 * is a 400, not a failure deep in a path parser (a 500); a route answers HEAD as it answers GET,
 * without the body, so a HEAD health check sees the same status; and every answer, the page's too,
 * carries the security headers.
 */
final class RequestRules {

  private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  /**
   * The page builds its DOM from nodes and sets styles through the CSSOM, so nothing inline is
   * needed: scripts, styles and connections only from this origin, and no framing.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private RequestRules() {}

  static void register(RoutesConfig routes) {
    routes.before(RequestRules::securityHeaders);
    routes.before("/api/*", RequestRules::rejectMalformedEscapes);
  }

  /** Registers a read-only route for GET and for HEAD. */
  static void read(RoutesConfig routes, String path, Handler handler) {
    routes.get(path, handler);
    routes.head(path, handler);
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
  }

  /** A broken %-escape would otherwise be dropped silently, turning a query into "everything". */
  private static void rejectMalformedEscapes(Context ctx) {
    String path = ctx.req().getRequestURI();
    if (path != null && MALFORMED_ESCAPE.matcher(path).find()) {
      throw new InvalidParameterException(
          InvalidParameterException.INVALID_VALUE,
          null,
          "the request's path has a malformed %-escape; encode '%' as %25");
    }
    String query = ctx.queryString();
    if (query == null || !MALFORMED_ESCAPE.matcher(query).find()) {
      return;
    }
    for (String pair : query.split("&")) {
      if (MALFORMED_ESCAPE.matcher(pair).find()) {
        String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
        throw new InvalidParameterException(
            InvalidParameterException.INVALID_VALUE,
            MALFORMED_ESCAPE.matcher(name).find() ? null : name,
            "the request has a malformed %-escape; encode '%' as %25");
      }
    }
  }
}
