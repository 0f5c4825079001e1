package pullquote.search.solr;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import pullquote.search.ReviewSearchService;
import pullquote.search.SeedSearchContract;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;
import pullquote.testing.TestIndexes;

/** The seed page's pinned behaviour on a 2-shard collection of a real SolrCloud cluster. */
class SolrSeedSearchTest extends SeedSearchContract {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  private SolrCollections.Opened opened;

  @Override
  protected ReviewSearchService openSeed() throws Exception {
    opened = SolrCollections.searchable(SOLR.cluster(), "seed_contract", TestIndexes.SEED);
    return opened.service();
  }

  @AfterAll
  void close() {
    opened.close();
  }
}
