package pullquote.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.ContentStreamBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pullquote.index.ReviewFields;
import pullquote.index.solr.SolrConfigset;
import pullquote.index.solr.SolrConnection;
import pullquote.index.solr.SolrDocuments;
import pullquote.ingest.IngestOptions;
import pullquote.ingest.IngestProgress;
import pullquote.ingest.Ingestor;
import pullquote.ingest.Json;
import pullquote.ingest.Review;
import pullquote.ingest.SentimentResolver;
import pullquote.search.Forgiveness;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchRequest;
import pullquote.search.SortOrder;
import pullquote.sentiment.LinearSentimentModel;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;
import pullquote.testing.TestIndexes;

/**
 * A collection built by pullquote before the year facet and merged copies (2026-12-07): its schema
 * lacks {@code year} and {@code aliases}. It is searched without them until it is rebuilt: no year
 * counts, ids but no aliases, and never a refused search.
 */
class SolrOlderCollectionTest {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  @Test
  void aCollectionWithoutTheNewerFieldsIsSearchedWithoutThem() throws Exception {
    SolrConfigset older = olderConfigset();
    try (CloudSolrClient client = new SolrConnection(SOLR.cluster().urls(), "older").client(30)) {
      new ConfigSetAdminRequest.Upload()
          .setConfigSetName(older.name())
          .setUploadStream(
              new ContentStreamBase.ByteArrayStream(
                  older.zip(), older.name() + ".zip", "application/octet-stream"))
          .process(client);
      CollectionAdminRequest.createCollection("older", older.name(), 2, 1).process(client);
      List<SolrInputDocument> docs = new ArrayList<>();
      for (Review review : reviews()) {
        SolrInputDocument doc = SolrDocuments.toSolr(review);
        doc.removeField(ReviewFields.YEAR);
        doc.removeField(ReviewFields.ALIASES);
        docs.add(doc);
      }
      client.add("older", docs);
      client.commit("older");
      ReviewSearchService service = SolrCollections.service(client, "older", Forgiveness.DEFAULT);

      var all = service.search(SearchRequest.of(""));
      assertThat(all.total()).isEqualTo(15);
      assertThat(all.facets().all("year")).isEmpty();
      assertThat(all.facets().all("score").values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(4);
      var recent =
          service.search(
              new SearchRequest(
                  "",
                  List.of(),
                  List.of(),
                  List.of(),
                  java.util.Set.of(),
                  40,
                  null,
                  LocalDate.of(2020, 1, 1),
                  null,
                  SortOrder.parse("relevance"),
                  1,
                  10,
                  null,
                  true,
                  true));
      assertThat(recent.hits())
          .extracting(h -> h.id())
          .containsExactlyInAnyOrder("x-script", "x-late");
      assertThat(service.review("x-late")).isPresent();
      assertThat(service.review("none-such")).isEmpty();
    }
  }

  /** The bundled configset as it was: without the year and aliases fields. */
  private static SolrConfigset olderConfigset() throws Exception {
    Path conf = Path.of("solr", "configset", "pullquote", "conf");
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(conf)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(conf.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    String schema = new String(files.get("managed-schema.xml"), StandardCharsets.UTF_8);
    String without =
        schema.replaceAll("(?s)<field name=\"(?:year|aliases)\"[^>]*/>", "<!-- not yet -->");
    assertThat(without).doesNotContain("name=\"year\"").doesNotContain("name=\"aliases\"");
    files.put("managed-schema.xml", without.getBytes(StandardCharsets.UTF_8));
    return new SolrConfigset(files);
  }

  private static List<Review> reviews() {
    List<Review> reviews = new ArrayList<>();
    new Ingestor(
            new SentimentResolver(LinearSentimentModel.bundled()),
            Json.newMapper(),
            IngestOptions.DEFAULT)
        .ingest(List.of(TestIndexes.SEED, TestIndexes.EXTRA), reviews::add, IngestProgress.NONE);
    return reviews;
  }
}
