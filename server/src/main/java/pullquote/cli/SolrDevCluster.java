package pullquote.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local SolrCloud cluster for trying pullquote on (not a production server): the test cluster's
 * launcher ({@code solr-testcluster/}, Solr 9 in a JVM of its own, since it cannot share our class
 * path) as a child process. The child stops itself, deleting its temporary directory, when its
 * standard input closes; {@link #close} does that, and waits.
 */
final class SolrDevCluster implements AutoCloseable {

  private static final String MAIN = "pullquote.solrtest.TestClusterMain";

  /** ZooKeeper and the nodes start in 4–15 s here; a cold disk and many nodes take longer. */
  private static final long START_SECONDS = 300;

  /** Shutting down takes about a second; then it is ended, gently, then not. */
  private static final long STOP_SECONDS = 30;

  private final Process process;
  private final String url;
  private boolean closed;

  private SolrDevCluster(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /**
   * Starts the cluster and waits for its URL line. The child's standard error is ours: Solr's
   * warnings and errors, and why it could not start.
   *
   * @param home pullquote's directory, which holds {@code solr-testcluster/}
   * @param dir where ZooKeeper and the nodes keep their data (new or empty; kept), or null for a
   *     temporary directory deleted on exit
   * @throws IOException when the launcher is not built, or the cluster does not start
   */
  static SolrDevCluster start(Path home, int nodes, Path dir) throws IOException {
    Path module = home.resolve("solr-testcluster");
    Path classes = module.resolve("target/classes");
    Path lib = module.resolve("target/lib");
    if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
      throw new IOException(
          "the Solr test cluster is not built in "
              + module
              + "; ./pullquote solr-dev builds it, or run: mvn -f solr-testcluster/pom.xml package"
              + " -Dmaven.test.skip=true");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(classes.toAbsolutePath() + File.pathSeparator + lib.toAbsolutePath() + "/*");
    command.add(MAIN);
    command.add("--nodes");
    command.add(Integer.toString(nodes));
    if (dir != null) {
      command.add("--dir");
      command.add(dir.toAbsolutePath().toString());
    }
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String line = firstLine(process);
    if (line == null || !line.startsWith("http")) {
      new SolrDevCluster(process, null).close();
      throw new IOException(
          "the Solr test cluster did not start"
              + (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")")
              + "; its messages are above");
    }
    return new SolrDevCluster(process, line.strip());
  }

  /** The launcher's first line on stdout (its only one unless asked), or null if there is none. */
  private static String firstLine(Process process) throws IOException {
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
              } catch (IOException e) {
                return null;
              }
            },
            r -> Thread.ofPlatform().daemon().name("solr-dev-stdout").start(r));
    try {
      return line.get(START_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the Solr test cluster started", e);
    }
  }

  /** The first node's base URL, {@code http://127.0.0.1:PORT/solr}. */
  String url() {
    return url;
  }

  /**
   * Waits until {@code stdin} ends, or the cluster does on its own.
   *
   * @return true when stdin ended with the cluster still running
   */
  boolean awaitEndOf(InputStream stdin) {
    CompletableFuture<Void> inputEnded = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("solr-dev-stdin")
        .start(
            () -> {
              try {
                stdin.transferTo(java.io.OutputStream.nullOutputStream()); // only its end matters
              } catch (IOException e) {
                // a closed or broken stdin ends it just the same
              }
              inputEnded.complete(null);
            });
    CompletableFuture.anyOf(inputEnded, process.onExit()).join();
    return process.isAlive();
  }

  /** Closes the child's stdin, which stops it; ends it if it has not stopped in time. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // the child has gone already
    }
    try {
      if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
