package pullquote.server;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Locale;

/**
 * One line per answered request, in logfmt, for an operator who switches it on ({@code serve
 * --access-log}): when, method, route as registered, status, milliseconds, a search's hits, and an
 * error's code. No query, no client address: what readers search stays theirs.
 */
final class AccessLog {

  private AccessLog() {}

  static String line(Context ctx, float millis) {
    StringBuilder line =
        new StringBuilder()
            .append("time=")
            .append(Instant.now())
            .append(" method=")
            .append(ctx.method().name())
            .append(" route=")
            .append(ServerMetrics.route(ctx))
            .append(" status=")
            .append(ctx.statusCode())
            .append(String.format(Locale.ROOT, " ms=%.1f", millis));
    Object hits = ctx.attribute(ApiServer.HITS);
    if (hits != null) {
      line.append(" hits=").append(hits);
    }
    Object code = ctx.attribute(ApiServer.ERROR_CODE);
    if (code != null) {
      line.append(" error=").append(code);
    }
    return line.toString();
  }
}
