package pullquote.index.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pullquote.ingest.Review;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrTestCluster;

@ExtendWith(SolrCluster.class)
class SolrDocumentsRoundTripTest {

  @Test
  void aReviewComesBackFromTheCollectionAsItWent(SolrTestCluster cluster) throws Exception {
    String collection = "documents_round_trip";
    try (var client = SolrConnection.of(cluster.baseUrl(), collection).client(60)) {
      SolrCollections admin = new SolrCollections(client);
      SolrConfigset configset = SolrConfigset.bundled();
      admin.ensureConfigset(configset);
      admin.create(collection, configset.name(), 2, 1);
      client.add(
          collection,
          List.of(
              SolrDocuments.toSolr(SampleReviews.FULL),
              SolrDocuments.toSolr(SampleReviews.SPARSE)));
      client.commit(collection);

      SolrQuery query =
          new SolrQuery("*:*")
              .setFields(SolrDocuments.storedFields().toArray(String[]::new))
              .setSort("id", SolrQuery.ORDER.asc);
      List<Review> back =
          client.query(collection, query).getResults().stream()
              .map(SolrDocuments::fromSolr)
              .toList();
      assertThat(back).containsExactly(SampleReviews.FULL, SampleReviews.SPARSE);
      admin.delete(collection);
    }
  }
}
