package pullquote.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import pullquote.ingest.Json;
import pullquote.search.Forgiveness;
import pullquote.search.SearchBackend;
import pullquote.search.SearchUnavailableException;
import pullquote.server.ApiServer;

/**
 * {@code pullquote aot-training}, hidden: the work a server does in its first seconds (open an
 * index, answer the page's requests), run once on the bundled sample so that the launcher can
 * record it in the JVM's ahead-of-time cache. With that cache a server loads and links its classes
 * from one mapped file instead of from the jar, which is most of its start-up.
 *
 * <p>Every class the recording loads is loaded again at every start, so it does only what a server
 * does: the launcher builds the sample index beforehand, in a JVM of its own, and the requests go
 * over a plain socket rather than Java's HTTP client (whose 600 classes, with TLS, a server never
 * uses).
 */
@Command(name = "aot-training", hidden = true, mixinStandardHelpOptions = true)
final class AotTrainingCommand implements Callable<Integer> {

  @Mixin IndexOption index = new IndexOption();

  /** The requests the search page makes while someone uses it. */
  private static final List<String> PAGE_REQUESTS =
      List.of(
          "/",
          "/app.js",
          "/api/search?q=tension&size=20",
          "/api/search?q=%22running+out%22&sentiment=positive&size=20",
          "/api/search?q=refn+OR+brutal&sort=date&size=20",
          "/api/search?critic=Noel+Murray&size=20",
          "/api/search?sentiment=mixed&size=20",
          "/api/search?q=pusher&size=2&cursor=bad",
          "/api/critics?prefix=no&limit=8",
          "/api/stats",
          "/api/reviews/none");

  @Override
  public Integer call() throws Exception {
    var json = Json.newMapper();
    try (SearchBackend backend = Backends.of(index, null, Forgiveness.DEFAULT, json, true)) {
      try {
        backend.open();
      } catch (SearchUnavailableException e) {
        System.err.println("pullquote aot-training: " + e.getMessage());
        return 1;
      }
      var search = backend.service();
      try (var server = new ApiServer(search, json, AppHome.web(), List.of())) {
        server.start("127.0.0.1", 0);
        for (int round = 0; round < 3; round++) {
          for (String path : PAGE_REQUESTS) {
            int status = get(server.port(), path);
            if (status >= 500) {
              // no cache from a broken build: the launcher records one only when this succeeds
              throw new IllegalStateException(path + " answered " + status);
            }
          }
        }
      }
    }
    return 0;
  }

  /** One GET over its own connection; returns the status. Time-outs keep the launcher moving. */
  private static int get(int port, String path) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes("HTTP/1.1 200".length()), StandardCharsets.US_ASCII);
      in.transferTo(OutputStream.nullOutputStream());
      if (!status.startsWith("HTTP/1.1 ")) {
        throw new IOException(path + ": not an HTTP answer: " + status);
      }
      return Integer.parseInt(status.substring("HTTP/1.1 ".length()));
    }
  }
}
