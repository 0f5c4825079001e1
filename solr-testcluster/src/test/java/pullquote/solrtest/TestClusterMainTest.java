package pullquote.solrtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TestClusterMain} as pullquote's tests will run it: a child process on the documented class
 * path ({@code target/classes:target/lib/*}), spoken to through stdin and stdout.
 */
@Timeout(120)
class TestClusterMainTest {

  private static final String URL = "http://127\\.0\\.0\\.1:\\d+/solr";

  @TempDir Path tmp;

  private Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private Writer stdin;

  @AfterEach
  void endProcess() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void answersEachCommandAndExitsAtTheEndOfInput() throws Exception {
    start("--nodes", "2", "--config", "pullquote=" + System.getProperty("pullquote.configset.dir"));
    String node0 = line();
    assertTrue(node0.matches(URL), node0);
    // --config uploaded the configset before the URL line.
    String configsets =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(node0 + "/admin/configs?action=LIST&wt=json"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertTrue(configsets.contains("\"pullquote\""), configsets);

    String urls = send("urls");
    List<String> both = List.of(urls.split(","));
    assertEquals(2, both.size(), urls);
    assertEquals(node0, both.get(0));
    assertTrue(both.get(1).matches(URL), urls);
    assertTrue(send("zk").matches("127\\.0\\.0\\.1:\\d+/solr"));

    assertEquals("stopped 1", send("stop 1"));
    assertEquals(node0, send("urls"));
    assertEquals("started 1 " + both.get(1), send("start 1"));
    assertEquals(urls, send("urls"));

    assertTrue(send("frobnicate").startsWith("error: "));
    assertTrue(send("stop 9").startsWith("error: "));
    assertEquals(node0, send("urls").split(",")[0], "still answering after errors");

    stdin.close();
    assertExitedCleanly();
  }

  @Test
  void exitsWithZeroOnSigterm() throws Exception {
    start("--nodes", "1");
    assertTrue(line().matches(URL));
    process.destroy(); // SIGTERM
    assertExitedCleanly();
  }

  private void start(String... args) throws IOException {
    String classPath = System.getProperty("pullquote.launcher.classpath");
    assertNotNull(classPath, "surefire passes pullquote.launcher.classpath");
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    // Its temporary data directory lands here, so the test sees it deleted.
    command.add("-Djava.io.tmpdir=" + tmp.resolve("java-tmp"));
    command.add("-cp");
    command.add(classPath);
    command.add(TestClusterMain.class.getName());
    command.addAll(List.of(args));
    Files.createDirectories(tmp.resolve("java-tmp"));
    process = new ProcessBuilder(command).redirectError(tmp.resolve("stderr.txt").toFile()).start();
    stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process is gone
              }
            },
            "launcher-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  private String send(String command) throws Exception {
    stdin.write(command + "\n");
    stdin.flush();
    return line();
  }

  private String line() throws Exception {
    String line = lines.poll(60, TimeUnit.SECONDS);
    assertNotNull(line, () -> "no line from the launcher within 60 s; stderr:\n" + stderr());
    return line;
  }

  private void assertExitedCleanly() throws Exception {
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running 60 s on");
    assertEquals(0, process.exitValue(), () -> "stderr:\n" + stderr());
    assertEquals(List.of(), List.copyOf(lines), "nothing more on stdout");
    try (var left = Files.list(tmp.resolve("java-tmp"))) {
      assertEquals(List.of(), left.toList(), "the temporary data directory is deleted");
    }
    System.err.println("launcher's stderr:\n" + stderr());
  }

  private String stderr() {
    try {
      return Files.readString(tmp.resolve("stderr.txt"));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
