package pullquote.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SolrCloud cluster (Solr 9.10.1: embedded ZooKeeper, Jetty nodes) for the tests, in a JVM
 * of its own ({@code solr-testcluster/}, whose Lucene 9 and Jetty 10 cannot share our class path).
 * One cluster serves a whole test run: it is kept in JUnit's root store, which closes it (ending
 * the child process by closing its standard input) when the run ends. {@code ./pullquote test}
 * builds the launcher before the tests.
 */
public final class SolrTestCluster implements AutoCloseable {

  /** Nodes of the shared cluster: enough for 2 shards × 2 replicas with one node stopped. */
  public static final int NODES = 3;

  private static final Path MODULE = Path.of("solr-testcluster");

  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Path log;
  private final String baseUrl;

  private SolrTestCluster(int nodes) throws IOException {
    Path classes = MODULE.resolve("target/classes");
    Path lib = MODULE.resolve("target/lib");
    if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
      throw new IllegalStateException(
          "the Solr test cluster is not built; ./pullquote test builds it, or run:"
              + " mvn -f solr-testcluster/pom.xml package -Dmaven.test.skip=true");
    }
    Path dir = Files.createTempDirectory("pq-solr-cluster");
    log = dir.resolve("cluster.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(
        classes.toAbsolutePath() + java.io.File.pathSeparator + lib.toAbsolutePath() + "/*");
    command.add("pullquote.solrtest.TestClusterMain");
    command.add("--nodes");
    command.add(Integer.toString(nodes));
    command.add("--dir");
    command.add(dir.resolve("nodes").toString());
    process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readLines, "solr-cluster-stdout");
    reader.setDaemon(true);
    reader.start();
    baseUrl = line(120);
  }

  /** The run's cluster, started by the first test that asks for it. */
  public static SolrTestCluster shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(
            SolrTestCluster.class,
            key -> {
              try {
                return new SolrTestCluster(NODES);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            SolrTestCluster.class);
  }

  /** The first node's base URL, {@code http://127.0.0.1:PORT/solr}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The base URLs of the nodes running now. */
  public synchronized List<String> urls() {
    return List.of(send("urls").split(","));
  }

  /** Stops node n (0-based); its cores stay on disk for {@link #start}. */
  public synchronized void stop(int node) {
    expect(send("stop " + node), "stopped " + node);
  }

  /** Starts node n again, on its old port, and waits until it is live. */
  public synchronized void start(int node) {
    expect(send("start " + node), "started " + node);
  }

  private static void expect(String answer, String prefix) {
    if (!answer.startsWith(prefix)) {
      throw new IllegalStateException("the cluster answered: " + answer);
    }
  }

  private String send(String command) {
    try {
      stdin.write(command + "\n");
      stdin.flush();
      return line(120);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String line(int seconds) {
    try {
      String line = lines.poll(seconds, TimeUnit.SECONDS);
      if (line == null) {
        throw new IllegalStateException(
            "the Solr test cluster said nothing for " + seconds + " s; its log: " + log);
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void readLines() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** Ends the cluster: closing its input stops every node and deletes its data. */
  @Override
  public void close() throws IOException, InterruptedException {
    stdin.close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
