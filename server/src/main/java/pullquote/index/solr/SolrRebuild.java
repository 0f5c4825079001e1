package pullquote.index.solr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.common.SolrInputDocument;
import pullquote.index.BuildInfo;
import pullquote.index.DocumentPipeline;
import pullquote.ingest.IngestProgress;
import pullquote.ingest.IngestReport;
import pullquote.ingest.Ingestor;
import pullquote.ingest.Review;

/**
 * Rebuilds a SolrCloud collection as the local path rebuilds an index: the same ingest into a new
 * collection ({@code NAME_gNNNNNN}, see {@link CollectionGenerations}) beside the live one, whose
 * document count is checked against the ingest report before the alias {@code NAME} is moved to it
 * with one {@code CREATEALIAS}. Until that moment nothing a reader sees has changed, so a rebuild
 * killed at any point leaves the alias on the old collection; the next rebuild drops what it left.
 * Two rebuilds of one alias must not run at once: each would drop the other's new collection.
 */
public final class SolrRebuild {

  /** Reviews per update request: large enough that a request's overhead does not dominate. */
  static final int BATCH = 1000;

  /** A rebuild's requests include creating a collection and committing all of it. */
  static final int REQUEST_TIMEOUT_SECONDS = 600;

  /** The new collection's layout. */
  public record Shape(int shards, int replicas) {
    public static final Shape DEFAULT = new Shape(1, 1);

    public Shape {
      if (shards < 1 || replicas < 1) {
        throw new IllegalArgumentException(
            "a collection needs at least one shard and one replica of each");
      }
    }
  }

  /** Hears what a rebuild is doing, one short sentence a step, for an operator watching. */
  @FunctionalInterface
  public interface Steps {
    Steps NONE = sentence -> {};

    void step(String sentence);
  }

  /**
   * What a rebuild did.
   *
   * @param collection the new collection the alias points to, or null when nothing was indexed
   * @param previous what the alias pointed to before (none on a first build)
   * @param dropped the older collections deleted
   */
  public record Result(
      IngestReport report,
      BuildInfo info,
      String alias,
      String collection,
      List<String> previous,
      List<String> dropped) {

    public Result {
      previous = List.copyOf(previous);
      dropped = List.copyOf(dropped);
    }

    public boolean published() {
      return collection != null;
    }
  }

  private final Ingestor ingestor;
  private final Clock clock;
  private final SolrConfigset configset;
  private final int writerThreads;

  /**
   * @param writerThreads threads sending batches to the cluster while the input is read (1 or more,
   *     as the pipeline checks)
   */
  public SolrRebuild(Ingestor ingestor, Clock clock, SolrConfigset configset, int writerThreads) {
    this.ingestor = ingestor;
    this.clock = clock;
    this.configset = configset;
    this.writerThreads = writerThreads;
  }

  /**
   * Builds a new collection from the inputs and moves the connection's alias to it.
   *
   * @throws SolrRebuildException when the cluster cannot be reached or refuses a step, the alias
   *     name is taken by a collection, or the new collection does not hold every review; the alias
   *     is then where it was, and the new collection deleted
   */
  public Result rebuild(
      SolrConnection connection,
      Shape shape,
      List<Path> inputs,
      IngestProgress progress,
      Steps steps)
      throws SolrRebuildException {
    Instant start = clock.instant();
    try (CloudSolrClient client = connection.client(REQUEST_TIMEOUT_SECONDS)) {
      return rebuild(client, connection.collection(), shape, inputs, progress, steps, start);
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw new SolrRebuildException(SolrFailures.diagnose(e, connection.urls()), e);
    }
  }

  private Result rebuild(
      SolrClient client,
      String alias,
      Shape shape,
      List<Path> inputs,
      IngestProgress progress,
      Steps steps,
      Instant start)
      throws SolrServerException, IOException, SolrRebuildException {
    SolrCollections admin = new SolrCollections(client);
    Set<String> collections = admin.collections();
    if (collections.contains(alias)) {
      throw new SolrRebuildException(
          "'"
              + alias
              + "' is a collection on the cluster, not an alias; a rebuild moves alias '"
              + alias
              + "' between collections it makes ("
              + alias
              + "_g000001, ...): name another --collection, or delete or rename that collection");
    }
    List<String> previous = admin.aliasTargets(alias);
    if (admin.ensureConfigset(configset)) {
      steps.step("Uploaded configset " + configset.name());
    }
    CollectionGenerations generations = new CollectionGenerations(alias);
    String built = generations.next(collections);
    admin.create(built, configset.name(), shape.shards(), shape.replicas());
    steps.step(
        String.format(
            Locale.ROOT,
            "Created collection %s (%d shard%s × %d replica%s, configset %s)",
            built,
            shape.shards(),
            shape.shards() == 1 ? "" : "s",
            shape.replicas(),
            shape.replicas() == 1 ? "" : "s",
            configset.name()));
    boolean aliased = false;
    try {
      IngestReport report =
          DocumentPipeline.ingest(
              ingestor,
              inputs,
              progress,
              writerThreads,
              BATCH,
              reviews -> add(client, built, reviews));
      client.commit(built);
      BuildInfo info = BuildInfo.of(report, start, clock.instant());
      if (report.reviews() == 0) {
        return new Result(report, info, alias, null, previous, List.of());
      }
      verifyCount(admin, built, report, alias, previous);
      SolrBuildInfo.store(client, built, info);
      admin.moveAlias(alias, built);
      aliased = true;
      List<String> dropped =
          drop(admin, generations.toDrop(admin.collections(), built, Set.copyOf(previous)), steps);
      return new Result(report, info, alias, built, previous, dropped);
    } finally {
      if (!aliased) {
        deleteQuietly(admin, built, steps);
      }
    }
  }

  private static void add(SolrClient client, String collection, List<Review> reviews)
      throws IOException {
    List<SolrInputDocument> docs = new ArrayList<>(reviews.size());
    for (Review review : reviews) {
      docs.add(SolrDocuments.toSolr(review));
    }
    try {
      client.add(collection, docs);
    } catch (SolrServerException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Every review the report counts must be in the collection: none lost, none duplicated. */
  private static void verifyCount(
      SolrCollections admin, String built, IngestReport report, String alias, List<String> previous)
      throws SolrServerException, IOException, SolrRebuildException {
    long count = admin.count(built);
    if (count != report.reviews()) {
      throw new SolrRebuildException(
          String.format(
              Locale.ROOT,
              "collection %s holds %d documents but %d reviews were indexed, so it is deleted; %s",
              built,
              count,
              report.reviews(),
              previous.isEmpty()
                  ? "alias " + alias + " was not made"
                  : "alias " + alias + " still points to " + String.join(",", previous)));
    }
  }

  /** The alias has moved: a collection that cannot be dropped now only costs space. */
  private static List<String> drop(SolrCollections admin, List<String> collections, Steps steps) {
    List<String> dropped = new ArrayList<>();
    for (String collection : collections) {
      try {
        admin.delete(collection);
        dropped.add(collection);
      } catch (SolrServerException | IOException | RuntimeException e) {
        steps.step("Could not delete old collection " + collection + ": " + e.getMessage());
      }
    }
    return dropped;
  }

  private static void deleteQuietly(SolrCollections admin, String collection, Steps steps) {
    try {
      admin.delete(collection);
    } catch (SolrServerException | IOException | RuntimeException e) {
      steps.step(
          "Could not delete the unfinished collection "
              + collection
              + " (the next rebuild will): "
              + e.getMessage());
    }
  }
}
