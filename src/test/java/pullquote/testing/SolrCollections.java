package pullquote.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.SolrInputDocument;
import pullquote.index.solr.SolrConnection;
import pullquote.index.solr.SolrDocuments;
import pullquote.ingest.IngestOptions;
import pullquote.ingest.IngestProgress;
import pullquote.ingest.Ingestor;
import pullquote.ingest.Json;
import pullquote.ingest.SentimentResolver;
import pullquote.sentiment.LinearSentimentModel;

/**
 * Collections on the test cluster holding the project's fixtures, read by the same ingest as the
 * local index (same sentiment, same reviews) and written through {@link SolrDocuments}.
 */
public final class SolrCollections {

  private static final String CONFIGSET = "pullquote-test";
  private static final List<String> CONFIG_FILES = List.of("managed-schema.xml", "solrconfig.xml");

  private SolrCollections() {}

  /**
   * Creates the collection (uploading the project's configset first if the cluster lacks it) and
   * indexes the files' reviews into it.
   *
   * @return a connection to it
   */
  public static SolrConnection create(
      SolrTestCluster cluster, String name, int shards, int replicas, Path... inputs)
      throws IOException, SolrServerException {
    SolrConnection connection = new SolrConnection(cluster.urls(), name);
    try (CloudSolrClient client = connection.client(60)) {
      if (!new ConfigSetAdminRequest.List().process(client).getConfigSets().contains(CONFIGSET)) {
        Path zip = Files.createTempFile("configset", ".zip");
        Files.write(zip, configsetZip());
        new ConfigSetAdminRequest.Upload()
            .setConfigSetName(CONFIGSET)
            .setUploadFile(zip, "application/octet-stream")
            .process(client);
        Files.delete(zip);
      }
      CollectionAdminRequest.createCollection(name, CONFIGSET, shards, replicas).process(client);
      List<SolrInputDocument> docs = new ArrayList<>();
      new Ingestor(
              new SentimentResolver(LinearSentimentModel.bundled()),
              Json.newMapper(),
              IngestOptions.DEFAULT)
          .ingest(
              List.of(inputs),
              review -> docs.add(SolrDocuments.toSolr(review)),
              IngestProgress.NONE);
      client.add(name, docs);
      client.commit(name);
    }
    return connection;
  }

  /**
   * Waits until every replica of the collections is active on a live node: after a node comes back,
   * its replicas recover before they answer.
   */
  public static void awaitActive(CloudSolrClient client, List<String> collections)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
    while (true) {
      var provider = client.getClusterStateProvider();
      var live = provider.getLiveNodes();
      boolean active = true;
      for (String name : collections) {
        var state = provider.getCollection(name);
        active &= state != null && state.getReplicas().stream().allMatch(r -> r.isActive(live));
      }
      if (active) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("replicas of " + collections + " not active after 90 s");
      }
      Thread.sleep(250);
    }
  }

  /** A service over a collection of the files' reviews, and the client it holds. */
  public record Opened(CloudSolrClient client, pullquote.search.ReviewSearchService service)
      implements AutoCloseable {
    @Override
    public void close() {
      client.close();
    }
  }

  /** A 2-shard collection of the files' reviews, and a search service over it. */
  public static Opened searchable(SolrTestCluster cluster, String name, Path... inputs)
      throws IOException, SolrServerException {
    SolrConnection connection = create(cluster, name, 2, 1, inputs);
    CloudSolrClient client = connection.client(30);
    return new Opened(
        client,
        new pullquote.search.solr.SolrReviewSearchService(
            new pullquote.search.solr.SolrCollection(client, connection.collection()),
            java.time.Duration.ofSeconds(5)));
  }

  /** The configset the app's jar carries, zipped with its files at the root. */
  private static byte[] configsetZip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String file : CONFIG_FILES) {
        try (InputStream in =
            SolrCollections.class.getResourceAsStream("/pullquote/solr/configset/" + file)) {
          if (in == null) {
            throw new IOException(file + " is missing from the class path");
          }
          zip.putNextEntry(new ZipEntry(file));
          in.transferTo(zip);
          zip.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }
}
