package pullquote.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import pullquote.index.solr.SolrConfigset;
import pullquote.index.solr.SolrConnection;
import pullquote.index.solr.SolrRebuild;
import pullquote.index.solr.SolrRebuildException;
import pullquote.ingest.IngestOptions;
import pullquote.ingest.IngestProgress;
import pullquote.ingest.Ingestor;
import pullquote.ingest.Json;
import pullquote.ingest.SentimentResolver;
import pullquote.search.Forgiveness;
import pullquote.search.ReviewSearchService;
import pullquote.search.solr.SolrCollection;
import pullquote.search.solr.SolrReviewSearchService;
import pullquote.sentiment.LinearSentimentModel;

/**
 * Collections on the test cluster holding the project's fixtures, built by the product's own
 * rebuild ({@link SolrRebuild}: the same ingest as the local index, an alias to the generation).
 */
public final class SolrCollections {

  private SolrCollections() {}

  /**
   * Creates the collection (uploading the project's configset first if the cluster lacks it) and
   * indexes the files' reviews into it.
   *
   * @return a connection to it
   */
  public static SolrConnection create(
      SolrTestCluster cluster, String name, int shards, int replicas, Path... inputs)
      throws IOException, SolrServerException {
    SolrConnection connection = new SolrConnection(cluster.urls(), name);
    var ingestor =
        new Ingestor(
            new SentimentResolver(LinearSentimentModel.bundled()),
            Json.newMapper(),
            IngestOptions.DEFAULT);
    try {
      new SolrRebuild(ingestor, Clock.systemUTC(), SolrConfigset.bundled(), 2)
          .rebuild(
              connection,
              new SolrRebuild.Shape(shards, replicas),
              List.of(inputs),
              IngestProgress.NONE,
              SolrRebuild.Steps.NONE);
    } catch (SolrRebuildException e) {
      throw new IOException(e.getMessage(), e);
    }
    return connection;
  }

  /**
   * Waits until every replica of the collections is active on a live node: after a node comes back,
   * its replicas recover before they answer.
   */
  public static void awaitActive(CloudSolrClient client, List<String> collections)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
    while (true) {
      var provider = client.getClusterStateProvider();
      boolean active = true;
      try {
        var live = provider.getLiveNodes();
        for (String name : collections) {
          // getCollection fails on a state it cannot read yet (SolrJ 10); its reference does not
          var ref = provider.getState(provider.resolveSimpleAlias(name));
          var state = ref == null ? null : ref.get();
          active &= state != null && state.getReplicas().stream().allMatch(r -> r.isActive(live));
        }
      } catch (RuntimeException e) {
        active = false; // the node asked was the one coming back: ask again
      }
      if (active) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("replicas of " + collections + " not active after 90 s");
      }
      Thread.sleep(250);
    }
  }

  /** A service over a collection of the files' reviews, and the client it holds. */
  public record Opened(CloudSolrClient client, ReviewSearchService service)
      implements AutoCloseable {
    @Override
    public void close() {
      client.close();
    }
  }

  /** A 2-shard collection of the files' reviews, and a search service over it. */
  public static Opened searchable(SolrTestCluster cluster, String name, Path... inputs)
      throws IOException, SolrServerException {
    SolrConnection connection = create(cluster, name, 2, 1, inputs);
    CloudSolrClient client = connection.client(30);
    return new Opened(client, service(client, name, Forgiveness.DEFAULT));
  }

  /** A search service over a collection made before, forgiving as asked. */
  public static ReviewSearchService service(
      CloudSolrClient client, String name, Forgiveness forgiveness) {
    return new SolrReviewSearchService(
        new SolrCollection(client, name), Duration.ofSeconds(5), forgiveness);
  }
}
