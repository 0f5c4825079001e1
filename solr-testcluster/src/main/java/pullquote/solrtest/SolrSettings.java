package pullquote.solrtest;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What Solr's test framework expects of a JVM outside Solr's own test runner. Without any of it the
 * cluster starts and works; each setting quiets a warning or an error line on stderr that would
 * otherwise be printed at every start. A property given on the command line wins.
 */
final class SolrSettings {

  private SolrSettings() {}

  /**
   * @param base the cluster's data directory
   */
  static void apply(Path base) {
    // ZkTestServer checks that ZooKeeper is up with its 'stat' four-letter command, and logs an
    // ERROR line while it enables it itself when it is not allowed.
    setDefault("zookeeper.4lw.commands.whitelist", "stat");
    // ZkTestServer's watch-limit report is for Solr's own tests (a WARN block at shutdown).
    setDefault("tests.zk.violationReportAction", "IGNORE");
    // Each node logs an ERROR line at start without it. Nothing is written there: logging goes
    // to stderr (log4j2.xml), not to Solr's log files.
    setDefault("solr.log.dir", base.resolve("logs").toString());
    // Each node warns that it cannot add $SOLR_INSTALL/lib to its class path without it; the
    // data directory has no lib/ and no modules/, which is the truth: everything Solr needs is on
    // the class path.
    setDefault("solr.install.dir", base.toString());
    // Lucene and Jersey log through java.util.logging, to stderr, at INFO and WARNING: about the
    // JVM (vector API, memory segments), not the cluster. Only SEVERE is kept. The root logger is
    // held by the LogManager, so its level stays.
    Logger.getLogger("").setLevel(Level.SEVERE);
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
