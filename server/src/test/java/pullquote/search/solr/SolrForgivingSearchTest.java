package pullquote.search.solr;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import pullquote.search.Forgiveness;
import pullquote.search.ForgivingSearchContract;
import pullquote.search.ReviewSearchService;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;

/** The forgiving search box on a 2-shard collection of a real SolrCloud cluster. */
class SolrForgivingSearchTest extends ForgivingSearchContract {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  private static final String NAME = "forgiving_contract";

  private SolrCollections.Opened opened;

  @Override
  protected void open(Path fixture) throws Exception {
    opened = SolrCollections.searchable(SOLR.cluster(), NAME, fixture);
  }

  @Override
  protected ReviewSearchService service(Forgiveness forgiveness) {
    return SolrCollections.service(opened.client(), NAME, forgiveness);
  }

  @AfterAll
  void close() {
    opened.close();
  }
}
