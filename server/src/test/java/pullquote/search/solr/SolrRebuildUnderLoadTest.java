package pullquote.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pullquote.index.solr.SolrConnection;
import pullquote.ingest.Json;
import pullquote.search.SearchRequest;
import pullquote.server.ApiServer;
import pullquote.testing.HttpHammer;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;
import pullquote.testing.SolrTestCluster;
import pullquote.testing.TestIndexes;

/** A rebuild moving the alias while a server on it answers searches. */
class SolrRebuildUnderLoadTest {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  @Test
  void aRebuildMovesTheAliasUnderHttpLoadWithoutAFailedRequest() throws Exception {
    SolrTestCluster cluster = SOLR.cluster();
    SolrConnection seedOnly =
        SolrCollections.create(cluster, "rebuild_under_load", 2, 1, TestIndexes.SEED);
    try (SolrBackend backend = new SolrBackend(seedOnly, Duration.ofSeconds(5));
        ApiServer server = new ApiServer(backend.service(), Json.newMapper(), null)) {
      backend.open();
      server.start("127.0.0.1", 0);
      long before = backend.service().search(SearchRequest.of("")).total();
      String first = backend.service().health().generation();
      HttpHammer.Tally tally;
      try (HttpHammer hammer =
          new HttpHammer(
              URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=&facets=true"), 4)) {
        hammer.awaitRequests(50);
        // the same alias, rebuilt from more reviews while the clients ask
        SolrCollections.create(
            cluster, "rebuild_under_load", 2, 1, TestIndexes.SEED, TestIndexes.EXTRA);
        long atSwap = hammer.requests();
        hammer.awaitRequests(atSwap + 100);
        tally = hammer.stop();
      }
      long after = backend.service().search(SearchRequest.of("")).total();
      assertThat(backend.service().health().generation()).isNotEqualTo(first);
      assertThat(after).isGreaterThan(before);
      assertThat(tally.statuses()).as("answers by status").containsOnlyKeys(200);
      // every answer is one generation's whole total, never a mix
      assertThat(tally.totals().keySet()).containsAnyOf(before, after).isSubsetOf(before, after);
      assertThat(tally.totals()).containsKey(after);
    }
  }
}
