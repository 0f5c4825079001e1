package pullquote.solrtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The configset in {@code solr/configset/pullquote} on a real 2-node SolrCloud cluster: uploaded
 * through the Configset API as a zip, as a client would, a 2-shard collection made with it, five
 * reviews indexed; then what pullquote needs of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class ReviewConfigsetTest {

  private static final String CONFIGSET = "pullquote";
  private static final String COLLECTION = "reviews";

  private static SolrTestCluster cluster;
  private static SolrClient solr;

  @BeforeAll
  static void startClusterAndIndex() throws Exception {
    cluster = SolrTestCluster.start(2, null);
    String base = cluster.baseUrl(0);
    solr = new Http2SolrClient.Builder(base).build();

    HttpResponse<String> upload =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base + "/admin/configs?action=UPLOAD&name=" + CONFIGSET))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(configsetZip()))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, upload.statusCode(), upload.body());

    CollectionAdminRequest.createCollection(COLLECTION, CONFIGSET, 2, 1).process(solr);
    cluster.cluster().waitForActiveCollection(COLLECTION, 2, 2);

    solr.add(
        COLLECTION,
        List.of(
            review(
                "r1",
                "A running joke that never tires; the cast's timing is superb.",
                "Noel Murray",
                "The A.V. Club",
                "Heat",
                "positive",
                88),
            review(
                "r2",
                "It runs, man, it runs out of steam in the third act.",
                "Manohla Dargis",
                "The New York Times",
                "Heat",
                "mixed",
                60),
            review(
                "r3",
                "Clichéd and predictable, though the leads are charming.",
                "Noel Murray",
                "The A.V. Club",
                "Collateral",
                "mixed",
                55),
            review(
                "r4",
                "The director's clichés pile up until nothing is left.",
                "A.O. Scott",
                "The New York Times",
                "Collateral",
                "negative",
                30),
            review(
                "r5",
                "A quiet, patient film about grief.",
                "Noel Murray",
                "The A.V. Club",
                "Manchester by the Sea",
                "positive",
                91)));
    solr.commit(COLLECTION);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (solr != null) {
      solr.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void aWordFindsItsInflectedForms() throws Exception {
    // "cliche" and "clichéd" / "clichés" meet at the Porter stem of the folded forms.
    assertEquals(Set.of("r3", "r4"), ids(query("text:cliche")));
    // "runs" finds "running" through the stem "run".
    assertEquals(Set.of("r1", "r2"), ids(query("text:runs")));
    // A possessive is the word: "cast" finds "the cast's".
    assertEquals(Set.of("r1"), ids(query("text:cast")));
  }

  @Test
  @Order(1)
  void aPhraseOnTheExactTextMatchesOnlyTheWrittenForms() throws Exception {
    // On the stemmed text the phrase matches "runs, man" through the stem ...
    assertEquals(Set.of("r2"), ids(query("text:\"running man\"")));
    // ... on text_exact it does not: only the words as written.
    assertEquals(Set.of(), ids(query("text_exact:\"running man\"")));
    assertEquals(Set.of("r2"), ids(query("text_exact:\"runs man\"")));
  }

  @Test
  @Order(1)
  void criticsAreCountedAcrossShards() throws Exception {
    SolrQuery query = new SolrQuery("*:*").setRows(0).setFacet(true).addFacetField("critic");
    FacetField critics = solr.query(COLLECTION, query).getFacetField("critic");
    Map<String, Long> counts =
        critics.getValues().stream()
            .collect(Collectors.toMap(FacetField.Count::getName, FacetField.Count::getCount));
    assertEquals(
        Map.of("Noel Murray", 3L, "Manohla Dargis", 1L, "A.O. Scott", 1L), counts, "" + critics);
  }

  @Test
  @Order(1)
  void namesFilterExactlyAndByWord() throws Exception {
    // Case and runs of spaces do not matter in critic_exact.
    assertEquals(
        Set.of("r1", "r3", "r5"),
        ids(
            solr.query(
                COLLECTION,
                new SolrQuery("*:*").addFilterQuery("{!field f=critic_exact}  noel   MURRAY "))));
    assertEquals(Set.of("r4"), ids(query("critic_exact:\"a.o. scott\"")));
    // The words of a title, not stemmed: "sea" is in "Manchester by the Sea".
    assertEquals(Set.of("r5"), ids(query("work_words:sea")));
    // review_score sorts (sort=score would be relevance).
    QueryResponse byScore =
        solr.query(COLLECTION, new SolrQuery("*:*").setSort("review_score", SolrQuery.ORDER.desc));
    assertEquals("r5", byScore.getResults().get(0).getFieldValue("id"));
    assertEquals(91, byScore.getResults().get(0).getFieldValue("review_score"));
  }

  @Test
  @Order(1)
  void highlightingMarksTheWordFromTheStoredOffsets() throws Exception {
    SolrQuery query =
        new SolrQuery("text:cliche")
            .setHighlight(true)
            .addHighlightField("text")
            // Offsets from the postings, not from analysing the text again: fails if the field
            // has no offsets.
            .setParam("hl.offsetSource", "POSTINGS");
    Map<String, Map<String, List<String>>> highlights =
        solr.query(COLLECTION, query).getHighlighting();
    assertEquals(
        List.of("<em>Clichéd</em> and predictable, though the leads are charming."),
        highlights.get("r3").get("text"));
    assertEquals(
        List.of("The director's <em>clichés</em> pile up until nothing is left."),
        highlights.get("r4").get("text"));
  }

  @Test
  @Order(2)
  void withANodeDownATolerantQueryReturnsPartialResults() throws Exception {
    // Each shard has its one replica on a node of its own; node 1 holds one of them.
    DocCollection collection =
        cluster.cluster().getZkStateReader().getClusterState().getCollection(COLLECTION);
    String survivor = null;
    for (Slice slice : collection.getSlices()) {
      Replica replica = slice.getReplicas().iterator().next();
      if (replica.getNodeName().equals(cluster.nodeName(0))) {
        survivor = slice.getName();
      }
    }
    assertTrue(
        collection.getSlices().stream()
            .anyMatch(
                s -> s.getReplicas().iterator().next().getNodeName().equals(cluster.nodeName(1))),
        "node 1 holds no shard: " + collection);
    long onSurvivor =
        solr.query(COLLECTION, new SolrQuery("*:*").setParam("shards", survivor))
            .getResults()
            .getNumFound();
    assertNotEquals(5, onSurvivor, "all five reviews are on one shard; pick other ids");

    cluster.stopNode(1);
    try {
      QueryResponse partial =
          askUntilAnswered(new SolrQuery("*:*").setParam("shards.tolerant", "true"));
      assertEquals(Boolean.TRUE, partial.getHeader().get("partialResults"), "" + partial);
      assertEquals(onSurvivor, partial.getResults().getNumFound());
      // Without shards.tolerant the same query fails (the node logs it as a server exception).
      Exception failed =
          assertThrows(Exception.class, () -> solr.query(COLLECTION, new SolrQuery("*:*")));
      assertTrue(
          failed.getMessage().contains("no active servers hosting shard"), failed.getMessage());
    } finally {
      cluster.startNode(1);
    }
    cluster.cluster().waitForActiveCollection(COLLECTION, 2, 2);
    QueryResponse whole = askUntilAnswered(new SolrQuery("*:*"));
    assertNull(whole.getHeader().get("partialResults"));
    assertEquals(5, whole.getResults().getNumFound());
  }

  /**
   * The query's answer once Solr has caught up with a node lost or back. Right after a node dies
   * (stopped at once, as a crash) Solr can still pick its replica for a moment and fail the request
   * outright; right after it comes back, the collection is active in ZooKeeper before every node
   * has seen so ("no active servers hosting shard" either way). pullquote retries such a search
   * once; this asks again for up to 10 s.
   */
  private static QueryResponse askUntilAnswered(SolrQuery query) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return solr.query(COLLECTION, query);
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private static QueryResponse query(String q) throws Exception {
    return solr.query(COLLECTION, new SolrQuery(q).setRows(10));
  }

  private static Set<String> ids(QueryResponse response) {
    Set<String> ids = new TreeSet<>();
    response.getResults().forEach(doc -> ids.add((String) doc.getFieldValue("id")));
    return ids;
  }

  private static SolrInputDocument review(
      String id,
      String text,
      String critic,
      String publication,
      String work,
      String sentiment,
      int score) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField("id", id);
    doc.addField("id_order", (long) id.hashCode()); // the app sends ReviewFields.idOrder(id)
    doc.addField("text", text);
    doc.addField("critic", critic);
    doc.addField("publication", publication);
    doc.addField("work", work);
    doc.addField("sentiment", sentiment);
    doc.addField("sentiment_source", "score");
    doc.addField("review_score", score);
    doc.addField("score_raw", score + "/100");
    doc.addField("date", (int) LocalDate.of(2024, 5, score % 28 + 1).toEpochDay());
    doc.addField("source", "reviews.csv");
    doc.addField("position", score);
    return doc;
  }

  /** The configset's files at the root of a zip, as the Configset API wants them. */
  private static byte[] configsetZip() throws IOException {
    Path conf = Path.of(System.getProperty("pullquote.configset.dir"));
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(conf)) {
      walk.filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Path file : files) {
        zip.putNextEntry(new ZipEntry(conf.relativize(file).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
