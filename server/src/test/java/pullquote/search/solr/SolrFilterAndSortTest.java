package pullquote.search.solr;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import pullquote.search.FilterAndSortContract;
import pullquote.search.ReviewSearchService;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;
import pullquote.testing.TestIndexes;

/** Filters, ranges and sorts on a 2-shard collection of a real SolrCloud cluster. */
class SolrFilterAndSortTest extends FilterAndSortContract {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  private SolrCollections.Opened opened;

  @Override
  protected ReviewSearchService openSeedAndExtra() throws Exception {
    opened =
        SolrCollections.searchable(
            SOLR.cluster(), "filter_sort_contract", TestIndexes.SEED, TestIndexes.EXTRA);
    return opened.service();
  }

  @AfterAll
  void close() {
    opened.close();
  }
}
