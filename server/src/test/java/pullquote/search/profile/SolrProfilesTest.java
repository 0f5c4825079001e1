package pullquote.search.profile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import pullquote.search.ReviewSearchService;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;

/** Profiles over a 2-shard collection of a real SolrCloud cluster. */
class SolrProfilesTest extends ProfilesContract {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  private SolrCollections.Opened opened;

  @Override
  protected ReviewSearchService openFourCritics() throws Exception {
    opened = SolrCollections.searchable(SOLR.cluster(), "four_critics", FOUR_CRITICS);
    return opened.service();
  }

  @AfterAll
  void close() {
    opened.close();
  }
}
