package pullquote.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import pullquote.index.IndexLayout;
import pullquote.index.LiveIndex;
import pullquote.index.ReviewAnalyzers;
import pullquote.ingest.Json;
import pullquote.search.LuceneReviewSearchService;
import pullquote.server.ApiServer;

/**
 * {@code pullquote aot-training}, hidden: the work a server does in its first seconds (open an
 * index, answer the page's requests), run once on the bundled sample so that the launcher can
 * record it in the JVM's ahead-of-time cache. With that cache a server loads and links its classes
 * from one mapped file instead of from the jar, which is most of its start-up.
 */
@Command(name = "aot-training", hidden = true, mixinStandardHelpOptions = true)
final class AotTrainingCommand implements Callable<Integer> {

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
    Path dir = Files.createTempDirectory("pullquote-aot-training");
    try {
      int built = IndexCommand.buildSample(dir);
      if (built != 0) {
        return built;
      }
      var json = Json.newMapper();
      try (var live = new LiveIndex(new IndexLayout(dir), json, LuceneReviewSearchService::warm)) {
        live.refresh();
        var search = new LuceneReviewSearchService(live, ReviewAnalyzers.create());
        try (var server = new ApiServer(search, json, AppHome.web(), List.of())) {
          server.start("127.0.0.1", 0);
          request(server.port());
        }
      }
      return 0;
    } finally {
      IndexLayout.deleteTree(dir);
    }
  }

  /**
   * Sends the page's requests; a server error or no answer fails the run, so that the launcher
   * records no cache from a broken build (the launcher waits on this run).
   */
  private static void request(int port) throws Exception {
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
      for (int round = 0; round < 3; round++) {
        for (String path : PAGE_REQUESTS) {
          HttpResponse<Void> response =
              client.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() >= 500) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
          }
        }
      }
    }
  }
}
