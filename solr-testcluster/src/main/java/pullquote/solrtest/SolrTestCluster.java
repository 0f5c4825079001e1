package pullquote.solrtest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real SolrCloud cluster in this JVM: an embedded ZooKeeper and N Jetty nodes, from Solr's test
 * framework ({@link MiniSolrCloudCluster}). Nodes keep the number they had at start (0..N-1) and
 * their port when stopped and started again, so a node's URL never changes.
 *
 * <p>Used by {@link TestClusterMain} (a process of its own for pullquote's tests) and, in this
 * module, directly by the smoke test.
 */
public final class SolrTestCluster implements AutoCloseable {

  /** Seconds to wait for a node to join or leave ZooKeeper's live nodes. */
  private static final int NODE_WAIT_SECONDS = 60;

  private final MiniSolrCloudCluster cluster;
  private final List<JettySolrRunner> nodes;
  private final boolean[] running;
  private final Path dir;
  private final boolean deleteDir;
  private boolean closed;

  private SolrTestCluster(MiniSolrCloudCluster cluster, Path dir, boolean deleteDir) {
    this.cluster = cluster;
    this.nodes = List.copyOf(cluster.getJettySolrRunners());
    this.running = new boolean[nodes.size()];
    java.util.Arrays.fill(running, true);
    this.dir = dir;
    this.deleteDir = deleteDir;
  }

  /**
   * Starts a cluster of {@code nodeCount} nodes and returns once all are live.
   *
   * @param dir where ZooKeeper and the nodes keep their data; it must not exist or be empty, and is
   *     kept after {@link #close}. With {@code null} a new temporary directory is used and deleted
   *     on close.
   */
  public static SolrTestCluster start(int nodeCount, Path dir) throws Exception {
    return start(nodeCount, dir, Map.of());
  }

  /**
   * Starts a cluster as {@link #start(int, Path)} does, with configsets uploaded to ZooKeeper
   * before it is returned.
   *
   * @param configsets each configset's name and its {@code conf} directory
   */
  public static SolrTestCluster start(int nodeCount, Path dir, Map<String, Path> configsets)
      throws Exception {
    if (nodeCount < 1) {
      throw new IllegalArgumentException("at least one node is needed, not " + nodeCount);
    }
    boolean temporary = dir == null;
    Path base = temporary ? Files.createTempDirectory("solr-testcluster") : dir;
    if (!temporary && Files.isDirectory(base)) {
      try (var entries = Files.list(base)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(base + " is not empty");
        }
      }
    }
    SolrSettings.apply(base);
    try {
      MiniSolrCloudCluster.Builder builder = new MiniSolrCloudCluster.Builder(nodeCount, base);
      configsets.forEach(builder::addConfig);
      MiniSolrCloudCluster cluster =
          builder
              // Otherwise the builder randomizes tracing through the randomized-testing context,
              // which exists only inside Solr's own test runner (and warns without it).
              .withTraceIdGenerationDisabled()
              // Nodes are stopped in order by close(), from our shutdown hook; Jetty's own hook
              // would race it.
              .withJettyConfig(jetty -> jetty.stopAtShutdown(false))
              .build();
      return new SolrTestCluster(cluster, base, temporary);
    } catch (Exception | Error e) {
      if (temporary) {
        deleteTree(base);
      }
      throw e;
    }
  }

  public int nodeCount() {
    return nodes.size();
  }

  /** {@code http://127.0.0.1:PORT/solr} of node {@code node}, running or not. */
  public String baseUrl(int node) {
    return jetty(node).getBaseUrl().toString();
  }

  /** The base URLs of the running nodes, in node order. */
  public synchronized List<String> liveUrls() {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (running[i]) {
        urls.add(baseUrl(i));
      }
    }
    return urls;
  }

  /** ZooKeeper's connection string with Solr's chroot, e.g. {@code 127.0.0.1:PORT/solr}. */
  public String zkAddress() {
    return cluster.getZkServer().getZkAddress();
  }

  /** ZooKeeper's live-node name of node {@code node}, e.g. {@code 127.0.0.1:PORT_solr}. */
  public String nodeName(int node) {
    return jetty(node).getNodeName();
  }

  /** The underlying cluster, for tests that need more. */
  public MiniSolrCloudCluster cluster() {
    return cluster;
  }

  /**
   * Stops node {@code node} and waits until ZooKeeper no longer lists it as live, so a query sent
   * after this returns already sees it gone.
   */
  public synchronized void stopNode(int node) throws Exception {
    JettySolrRunner jetty = jetty(node);
    if (!running[node]) {
      throw new IllegalStateException("node " + node + " is not running");
    }
    String name = jetty.getNodeName();
    // A lost node, not a drained one: Jetty's graceful stop waits up to 15 s for requests in
    // flight (a replica's recovery, say) and then fails half-way, leaving the node neither up
    // nor cleanly down.
    withoutGracefulStop(jetty);
    cluster.stopJettySolrRunner(jetty);
    running[node] = false;
    cluster
        .getZkStateReader()
        .waitForLiveNodes(
            NODE_WAIT_SECONDS, TimeUnit.SECONDS, (before, now) -> !now.contains(name));
  }

  /**
   * Sets the node's Jetty to stop at once. JettySolrRunner keeps its server private and offers no
   * setting for it, hence the reflection: this is a test tool, run against one Solr version.
   */
  private static void withoutGracefulStop(JettySolrRunner jetty)
      throws ReflectiveOperationException {
    for (var field : JettySolrRunner.class.getDeclaredFields()) {
      if (field.getType() == org.eclipse.jetty.server.Server.class) {
        field.setAccessible(true);
        ((org.eclipse.jetty.server.Server) field.get(jetty)).setStopTimeout(0);
        return;
      }
    }
    throw new IllegalStateException("JettySolrRunner holds no Jetty server to stop at once");
  }

  /**
   * Starts the stopped node {@code node} again on its old port and waits until it is live.
   *
   * @return its base URL
   */
  public synchronized String startNode(int node) throws Exception {
    JettySolrRunner jetty = jetty(node);
    if (running[node]) {
      throw new IllegalStateException("node " + node + " is already running");
    }
    cluster.startJettySolrRunner(jetty, true);
    running[node] = true;
    cluster.waitForNode(jetty, NODE_WAIT_SECONDS);
    return baseUrl(node);
  }

  private JettySolrRunner jetty(int node) {
    if (node < 0 || node >= nodes.size()) {
      throw new IllegalArgumentException(
          "no node " + node + " (nodes are 0.." + (nodes.size() - 1) + ")");
    }
    return nodes.get(node);
  }

  /** Shuts the nodes and ZooKeeper down, then deletes the temporary directory. Idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      cluster.shutdown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while shutting the cluster down", e);
    } catch (Exception e) {
      throw new IOException("shutting the cluster down failed", e);
    } finally {
      if (deleteDir) {
        deleteTree(dir);
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path directory, IOException e)
              throws IOException {
            Files.deleteIfExists(directory);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
