package pullquote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import pullquote.testing.ConsoleCapture;

/** {@code pullquote solr-dev}: a process of its own, as a user's terminal starts it. */
class SolrDevCommandTest {

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  @Test
  void helpAndBadUsageAnswerWithoutStartingAnything() {
    assertThat(Main.run("solr-dev", "--help")).isZero();
    assertThat(console.out()).contains("--nodes").contains("--dir");
    assertThat(Main.run("solr-dev", "--nodes", "0")).isEqualTo(2);
    assertThat(Main.run("solr-dev", "--nodes", "two")).isEqualTo(2);
    assertThat(console.err()).contains("--nodes takes 1 to 16").doesNotContain("\tat ");
  }

  @Test
  @Timeout(180)
  void itPrintsTheClusterUrlAndLeavesNothingRunningWhenItsInputCloses() throws Exception {
    Process process = start();
    String url = firstLine(process);
    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/solr");
    assertThat(status(url + "/admin/collections?action=LIST")).isEqualTo(200);
    List<ProcessHandle> cluster = process.descendants().toList();
    assertThat(cluster).isNotEmpty();

    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertGone(cluster);
  }

  @Test
  @Timeout(180)
  void sigtermStopsTheClusterToo() throws Exception {
    Process process = start();
    firstLine(process);
    List<ProcessHandle> cluster = process.descendants().toList();
    assertThat(cluster).isNotEmpty();

    process.destroy(); // SIGTERM
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertGone(cluster);
  }

  /** One node: the least a cluster can be, and the fastest to start. */
  private static Process start() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("pullquote.cli.Main");
    command.add("solr-dev");
    command.add("--nodes");
    command.add("1");
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static String firstLine(Process process) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return out.readLine();
              } catch (java.io.IOException e) {
                return null;
              }
            })
        .get(120, TimeUnit.SECONDS);
  }

  private static int status(String url) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
  }

  private static void assertGone(List<ProcessHandle> processes) throws Exception {
    for (ProcessHandle p : processes) {
      p.onExit().get(30, TimeUnit.SECONDS);
      assertThat(p.isAlive()).as("process %d", p.pid()).isFalse();
    }
  }
}
