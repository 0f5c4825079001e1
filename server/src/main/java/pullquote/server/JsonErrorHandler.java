package pullquote.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any route runs (a request line over its 8 KB limit, headers
 * too large, a request it cannot parse), in the API's JSON error shape instead of Jetty's HTML
 * page. The message is fixed per status and never repeats the request.
 */
final class JsonErrorHandler extends ErrorHandler {

  private final ObjectMapper json;

  JsonErrorHandler(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    ApiError error =
        switch (status) {
          case 414 ->
              ApiError.of(
                  "uri_too_long",
                  "the request line is longer than the server accepts (8 KB); send a shorter query",
                  null);
          case 431 ->
              ApiError.of(
                  "headers_too_large",
                  "the request headers are larger than the server accepts",
                  null);
          case 400 -> ApiError.of("bad_request", "the request could not be read as HTTP", null);
          default ->
              ApiError.of("http_" + status, "the request failed with status " + status, null);
        };
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(error)), callback);
  }
}
