package pullquote.search.solr;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import pullquote.search.MergedCopiesContract;
import pullquote.search.ReviewSearchService;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;

/** Merged copies on a 2-shard collection of a real SolrCloud cluster. */
class SolrMergedCopiesTest extends MergedCopiesContract {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  private SolrCollections.Opened opened;

  @Override
  protected ReviewSearchService openOverlap() throws Exception {
    opened = SolrCollections.searchable(SOLR.cluster(), "merged_copies", OVERLAP);
    return opened.service();
  }

  @AfterAll
  void close() {
    opened.close();
  }
}
