package pullquote.search.solr;

import java.time.Duration;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import pullquote.index.solr.SolrConnection;
import pullquote.search.ReviewSearchService;
import pullquote.search.SeedSearchContract;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;
import pullquote.testing.TestIndexes;

/** The seed page's pinned behaviour on a 2-shard collection of a real SolrCloud cluster. */
class SolrSeedSearchTest extends SeedSearchContract {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  private CloudSolrClient client;

  @Override
  protected ReviewSearchService openSeed() throws Exception {
    SolrConnection connection =
        SolrCollections.create(SOLR.cluster(), "seed_contract", 2, 1, TestIndexes.SEED);
    client = connection.client(30);
    return new SolrReviewSearchService(
        new SolrCollection(client, connection.collection()), Duration.ofSeconds(5));
  }

  /** Solr reads the box as typed: the forgiving readings are the local index's alone, so far. */
  @Override
  protected Differences backend() {
    return new Differences(false);
  }

  @AfterAll
  void close() {
    client.close();
  }
}
