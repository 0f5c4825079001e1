package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.ingest.Json;
import pullquote.testing.TestIndexes;

class StaticFilesTest {

  @TempDir Path dir;

  /** Sends the request line as written, so no client normalises the path first. */
  private static String raw(int port, String target) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      try (InputStream in = socket.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  void nothingOutsideTheWebDirectoryIsServedAndNoCorsHeaderIsSent() throws Exception {
    Path web = Files.createDirectories(dir.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<p>page</p>");
    Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
    Files.createSymbolicLink(web.resolve("leak.txt"), secret);
    TestIndexes.build(dir.resolve("index"), TestIndexes.SEED);
    try (LiveIndex live = TestIndexes.open(dir.resolve("index"));
        ApiServer server =
            new ApiServer(TestIndexes.service(live), Json.newMapper(), web).start("127.0.0.1", 0)) {
      int port = server.port();
      assertThat(raw(port, "/index.html")).startsWith("HTTP/1.1 200").contains("<p>page</p>");
      for (String target : new String[] {"/leak.txt", "/../secret.txt", "/%2e%2e/secret.txt"}) {
        String answer = raw(port, target);
        assertThat(answer).as(target).doesNotContain("top secret").doesNotStartWith("HTTP/1.1 200");
      }
      assertThat(allowedOrigin(port, "http://elsewhere.example")).isEmpty();
    }
  }

  @Test
  void corsHeadersGoOnlyToTheOriginsAllowedByOption() throws Exception {
    TestIndexes.build(dir.resolve("index"), TestIndexes.SEED);
    try (LiveIndex live = TestIndexes.open(dir.resolve("index"));
        ApiServer server =
            new ApiServer(
                    TestIndexes.service(live),
                    Json.newMapper(),
                    null,
                    java.util.List.of("https://films.example", "http://localhost:3000"))
                .start("127.0.0.1", 0)) {
      assertThat(allowedOrigin(server.port(), "https://films.example"))
          .contains("https://films.example");
      assertThat(allowedOrigin(server.port(), "http://localhost:3000"))
          .contains("http://localhost:3000");
      assertThat(allowedOrigin(server.port(), "https://evil.example")).isEmpty();
    }
  }

  private static java.util.Optional<String> allowedOrigin(int port, String origin)
      throws Exception {
    HttpResponse<String> api =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/search?q=pusher"))
                    .header("Origin", origin)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
    return api.headers().firstValue("Access-Control-Allow-Origin");
  }
}
