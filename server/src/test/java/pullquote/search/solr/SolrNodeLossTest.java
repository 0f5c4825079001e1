package pullquote.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pullquote.index.solr.SolrConnection;
import pullquote.ingest.Json;
import pullquote.search.SearchRequest;
import pullquote.search.SearchResponse;
import pullquote.server.ApiServer;
import pullquote.testing.HttpHammer;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;
import pullquote.testing.SolrTestCluster;
import pullquote.testing.TestIndexes;

/** What a search answers when a node of the cluster goes down. */
class SolrNodeLossTest {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  @Test
  void aNodeOfATwoByTwoCollectionLostUnderLoadFailsNoRequestAndLosesNoReview() throws Exception {
    SolrTestCluster cluster = SOLR.cluster();
    SolrConnection connection =
        SolrCollections.create(
            cluster, "node_loss_replicated", 2, 2, TestIndexes.SEED, TestIndexes.EXTRA);
    try (SolrBackend backend = new SolrBackend(connection, Duration.ofSeconds(5));
        ApiServer server = new ApiServer(backend.service(), Json.newMapper(), null)) {
      backend.open();
      server.start("127.0.0.1", 0);
      URI url = URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=&facets=true");
      long whole = backend.service().search(SearchRequest.of("")).total();
      // the node to lose holds a replica of the collection, but not node 0, whose URL we gave
      int node = nodeHolding(connection, cluster, 1);
      HttpHammer.Tally tally;
      try (HttpHammer hammer = new HttpHammer(url, 4)) {
        hammer.awaitRequests(50);
        cluster.stop(node);
        long atLoss = hammer.requests();
        hammer.awaitRequests(atLoss + 200);
        tally = hammer.stop();
      } finally {
        cluster.start(node);
        try (CloudSolrClient client = connection.client(30)) {
          SolrCollections.awaitActive(
              client,
              List.of(client.getClusterStateProvider().resolveSimpleAlias("node_loss_replicated")));
        }
      }
      assertThat(tally.statuses()).as("answers by status").containsOnlyKeys(200);
      assertThat(tally.totals()).as("totals answered").containsOnlyKeys(whole);
    }
  }

  /** A node other than {@code skip}'s first ones that holds a replica of the collection. */
  private static int nodeHolding(SolrConnection connection, SolrTestCluster cluster, int from)
      throws Exception {
    try (CloudSolrClient client = connection.client(30)) {
      var provider = client.getClusterStateProvider();
      DocCollection state =
          provider.getCollection(provider.resolveSimpleAlias(connection.collection()));
      List<String> urls = cluster.urls();
      for (int node = from; node < urls.size(); node++) {
        String url = urls.get(node);
        if (state.getReplicas().stream().anyMatch(r -> r.getBaseUrl().equals(url))) {
          return node;
        }
      }
    }
    throw new IllegalStateException("no node from " + from + " holds a replica");
  }

  @Test
  void aShardWithNoLiveReplicaLeavesAPartialAnswerThatNamesIt() throws Exception {
    SolrTestCluster cluster = SOLR.cluster();
    SolrConnection connection =
        SolrCollections.create(
            cluster, "node_loss_partial", 2, 1, TestIndexes.SEED, TestIndexes.EXTRA);
    try (CloudSolrClient client = connection.client(30)) {
      var service =
          new SolrReviewSearchService(
              new SolrCollection(client, connection.collection()),
              Duration.ofSeconds(5),
              pullquote.search.Forgiveness.DEFAULT);
      long whole = service.search(SearchRequest.of("")).total();
      DocCollection state =
          client
              .getClusterStateProvider()
              .getCollection(
                  client.getClusterStateProvider().resolveSimpleAlias("node_loss_partial"));
      Replica shard2 = state.getSlice("shard2").getReplicas().iterator().next();
      int node = cluster.urls().indexOf(shard2.getBaseUrl());
      assertThat(node).isNotNegative();
      cluster.stop(node);
      try {
        SearchResponse partial = service.search(SearchRequest.of(""));
        assertThat(partial.partial()).isTrue();
        assertThat(partial.missingShards()).containsExactly("shard2");
        assertThat(partial.total()).isPositive().isLessThan(whole);
      } finally {
        cluster.start(node);
        SolrCollections.awaitActive(client, List.of("node_loss_partial"));
      }
    }
  }
}
