package pullquote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import pullquote.testing.ConsoleCapture;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrTestCluster;
import pullquote.testing.TestIndexes;

/** {@code index --solr ...} through the real entry point, as an operator runs it. */
@ExtendWith(SolrCluster.class)
class SolrIndexCommandTest {

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  @TempDir Path dir;

  private static final String SEED = TestIndexes.SEED.toString();
  private static final String EXTRA = TestIndexes.EXTRA.toString();

  @Test
  void aRebuildPrintsTheLocalReportAndEndsNamingTheCollectionAndTheAlias(SolrTestCluster cluster) {
    int local = Main.run("index", "--index", dir.toString(), "--quiet", SEED, EXTRA);
    List<String> localReport = console.out().lines().toList();
    assertThat(local).isZero();

    int solr =
        Main.run(
            "index",
            "--solr",
            cluster.baseUrl(),
            "--collection",
            "cli_reviews",
            "--shards",
            "2",
            "--quiet",
            SEED,
            EXTRA);
    List<String> solrReport = console.out().lines().skip(localReport.size()).toList();

    assertThat(solr).isZero();
    // The same report, but for the time taken and where the reviews went.
    assertThat(withoutLast2(solrReport)).isEqualTo(withoutLast2(localReport)).isNotEmpty();
    assertThat(solrReport.getLast())
        .isEqualTo("Collection ready: cli_reviews_g000001 (alias cli_reviews now points to it)");
    assertThat(console.err())
        .contains("Created collection cli_reviews_g000001 (2 shards × 1 replica, configset")
        .doesNotContain("\tat ");
  }

  private static List<String> withoutLast2(List<String> lines) {
    return lines.subList(0, Math.max(0, lines.size() - 2));
  }

  @Test
  void shardsOrReplicasWithoutSolrAreBadUsage() {
    assertThat(Main.run("index", "--shards", "2", SEED)).isEqualTo(2);
    assertThat(Main.run("index", "--index", dir.toString(), "--replicas", "2", SEED)).isEqualTo(2);
    assertThat(console.err())
        .contains("--shards and --replicas shape a SolrCloud collection")
        .doesNotContain("\tat ");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void noShardsAnIndexDirectoryOrOnlyHalfOfTheConnectionAreBadUsageToo() {
    String url = "http://127.0.0.1:8983/solr";
    assertThat(Main.run("index", "--solr", url, "--collection", "r", "--shards", "0", SEED))
        .isEqualTo(2);
    assertThat(Main.run("index", "--solr", url, "--collection", "r", "--index", "x", SEED))
        .isEqualTo(2);
    assertThat(Main.run("index", "--solr", url, SEED)).isEqualTo(2);
    assertThat(console.err())
        .contains("--shards and --replicas take 1 or more")
        .contains("--index names a local index")
        .contains("--solr and --collection go together")
        .doesNotContain("\tat ");
  }

  @Test
  void aClusterNobodyAnswersForIsOneLine() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/solr";
    assertThat(Main.run("index", "--solr", url, "--collection", "r", "--quiet", SEED)).isEqualTo(1);
    assertThat(console.err().lines())
        .containsExactly(
            "pullquote index: cannot reach the Solr cluster at "
                + url
                + ": no node answered (ConnectException)");
  }

  @Test
  void aClusterThatWantsCredentialsIsOneLine() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "<html>401 Unauthorized</html>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"solr\"");
          exchange.sendResponseHeaders(401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/solr";
      assertThat(Main.run("index", "--solr", url, "--collection", "r", "--quiet", SEED))
          .isEqualTo(1);
      assertThat(console.err().lines())
          .containsExactly(
              "pullquote index: the Solr cluster at "
                  + url
                  + " refused the request (HTTP 401, it needs credentials); pullquote sends none");
    } finally {
      server.stop(0);
    }
  }
}
