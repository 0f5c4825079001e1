package pullquote.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pullquote solr-dev}: a local SolrCloud cluster to try {@code --solr} on, from the test
 * cluster's artifacts. Not a production server.
 */
@Command(
    name = "solr-dev",
    mixinStandardHelpOptions = true,
    description = {
      "Start a local SolrCloud test cluster (ZooKeeper and N Solr 9 nodes in a JVM of their own)"
          + " to try --solr on; not a production server.",
      "Prints its base URL, http://127.0.0.1:PORT/solr, once it is up, and stops, leaving nothing"
          + " running, when its standard input closes (Ctrl-D) or on SIGTERM or Ctrl-C."
    })
final class SolrDevCommand implements Callable<Integer> {

  @Option(names = "--nodes", paramLabel = "N", description = "Solr nodes (default: 2).")
  int nodes = 2;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Where ZooKeeper and the nodes keep their data: new or empty, and kept (default: a"
              + " temporary directory, deleted when the cluster stops).")
  Path dir;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (nodes < 1 || nodes > 16) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--nodes takes 1 to 16, not " + nodes);
    }
    SolrDevCluster cluster;
    try {
      cluster = SolrDevCluster.start(AppHome.dir(), nodes, dir);
    } catch (IOException e) {
      System.err.println("pullquote solr-dev: " + e.getMessage());
      return 1;
    }
    // On SIGTERM or Ctrl-C the JVM runs its hooks: this one stops the cluster and waits for it.
    Thread stop = new Thread(cluster::close, "solr-dev-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    System.out.println(cluster.url());
    System.out.flush();
    System.err.println(
        "Try: ./pullquote index --solr "
            + cluster.url()
            + " --collection reviews --shards 2 PATH...   (this cluster stops when standard"
            + " input closes, Ctrl-D, or on Ctrl-C)");
    boolean inputEnded = cluster.awaitEndOf(System.in);
    cluster.close();
    try {
      Runtime.getRuntime().removeShutdownHook(stop);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down
    }
    if (!inputEnded) {
      System.err.println("pullquote solr-dev: the Solr test cluster stopped on its own");
      return 1;
    }
    return 0;
  }
}
