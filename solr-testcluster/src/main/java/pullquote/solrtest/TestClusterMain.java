package pullquote.solrtest;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a {@link SolrTestCluster} as a process of its own, driven through stdin and stdout, for
 * tests whose own class path (Lucene 10, Jetty 12) cannot hold Solr 9's.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp 'target/classes:target/lib/*' \
 *     pullquote.solrtest.TestClusterMain [--nodes N] [--dir DIR] [--config NAME=CONF_DIR]...
 * </pre>
 *
 * <p>{@code --config} uploads a configset to ZooKeeper before the URL line (repeatable); without
 * it, configsets are uploaded through the Configset API as to any Solr.
 *
 * <p>Once all nodes are live it prints one line, node 0's base URL ({@code
 * http://127.0.0.1:PORT/solr}). Then each line read from stdin is a command, answered by exactly
 * one line:
 *
 * <ul>
 *   <li>{@code stop N}: stops node N and waits until ZooKeeper no longer lists it; {@code stopped
 *       N}
 *   <li>{@code start N}: starts the stopped node N again on its old port and waits until it is
 *       live; {@code started N http://127.0.0.1:PORT/solr}
 *   <li>{@code urls}: the base URLs of the running nodes, in node order, comma-separated
 *   <li>{@code zk}: ZooKeeper's address with Solr's chroot, {@code 127.0.0.1:PORT/solr}
 *   <li>anything else, or a command that fails: {@code error: ...}
 * </ul>
 *
 * <p>At the end of stdin, on SIGTERM or on Ctrl-C it shuts the cluster down, deletes its temporary
 * directory and exits with 0. Nothing but the lines above goes to stdout: Solr's logging goes to
 * stderr at WARN (log4j2.xml), and so does anything printed to {@code System.out}.
 */
public final class TestClusterMain {

  private static final String USAGE =
      "usage: TestClusterMain [--nodes N (default 2)] [--dir DIR (default: a temporary directory"
          + " deleted on exit)] [--config NAME=CONF_DIR (a configset to upload; repeatable)]";

  private TestClusterMain() {}

  public static void main(String[] args) throws Exception {
    // The protocol owns stdout; everything else written to System.out goes to stderr.
    PrintStream protocol =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);

    int nodes = 2;
    Path dir = null;
    Map<String, Path> configsets = new LinkedHashMap<>();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--nodes" -> nodes = Integer.parseInt(value(args, ++i));
          case "--dir" -> dir = Path.of(value(args, ++i));
          case "--config" -> {
            String config = value(args, ++i);
            int equals = config.indexOf('=');
            if (equals < 1 || equals == config.length() - 1) {
              throw new IllegalArgumentException("--config needs NAME=CONF_DIR, not " + config);
            }
            configsets.put(config.substring(0, equals), Path.of(config.substring(equals + 1)));
          }
          case "-h", "--help" -> {
            System.err.println(USAGE);
            return;
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    }

    SolrTestCluster cluster;
    try {
      cluster = SolrTestCluster.start(nodes, dir, configsets);
    } catch (Exception e) {
      System.err.println("error: the cluster did not start");
      e.printStackTrace();
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> close(cluster), "solr-testcluster-shutdown"));
    ExitOnSignal.install("TERM", "INT");

    protocol.println(cluster.baseUrl(0));
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      protocol.println(command(cluster, line.strip()));
    }
    close(cluster);
    System.exit(0);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /** One command's answer line. */
  static String command(SolrTestCluster cluster, String line) {
    if (line.isEmpty()) {
      return "error: empty command (commands: stop N, start N, urls, zk)";
    }
    String[] words = line.split("\\s+");
    try {
      switch (words[0]) {
        case "urls" -> {
          if (words.length == 1) {
            return String.join(",", cluster.liveUrls());
          }
        }
        case "zk" -> {
          if (words.length == 1) {
            return cluster.zkAddress();
          }
        }
        case "stop" -> {
          if (words.length == 2) {
            int node = Integer.parseInt(words[1]);
            cluster.stopNode(node);
            return "stopped " + node;
          }
        }
        case "start" -> {
          if (words.length == 2) {
            int node = Integer.parseInt(words[1]);
            return "started " + node + " " + cluster.startNode(node);
          }
        }
        default -> {
          return "error: unknown command '" + line + "' (commands: stop N, start N, urls, zk)";
        }
      }
      return "error: wrong arguments in '" + line + "'";
    } catch (NumberFormatException e) {
      return "error: not a node number in '" + line + "'";
    } catch (IllegalArgumentException | IllegalStateException e) {
      return "error: " + e.getMessage();
    } catch (Exception e) {
      e.printStackTrace();
      return "error: " + e.getMessage();
    }
  }

  private static void close(SolrTestCluster cluster) {
    try {
      cluster.close();
    } catch (Exception e) {
      System.err.println("error: shutting the cluster down failed");
      e.printStackTrace();
    }
  }
}
