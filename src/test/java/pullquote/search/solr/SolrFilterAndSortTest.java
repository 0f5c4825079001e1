package pullquote.search.solr;

import java.time.Duration;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import pullquote.index.solr.SolrConnection;
import pullquote.search.FilterAndSortContract;
import pullquote.search.ReviewSearchService;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;
import pullquote.testing.TestIndexes;

/** Filters, ranges and sorts on a 2-shard collection of a real SolrCloud cluster. */
class SolrFilterAndSortTest extends FilterAndSortContract {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  private CloudSolrClient client;

  @Override
  protected ReviewSearchService openSeedAndExtra() throws Exception {
    SolrConnection connection =
        SolrCollections.create(
            SOLR.cluster(), "filter_sort_contract", 2, 1, TestIndexes.SEED, TestIndexes.EXTRA);
    client = connection.client(30);
    return new SolrReviewSearchService(
        new SolrCollection(client, connection.collection()), Duration.ofSeconds(5));
  }

  @AfterAll
  void close() {
    client.close();
  }
}
