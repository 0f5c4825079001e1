package pullquote.index.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.IndexBuilder;
import pullquote.index.ReviewDocuments;
import pullquote.ingest.IngestOptions;
import pullquote.ingest.IngestProgress;
import pullquote.ingest.Ingestor;
import pullquote.ingest.Json;
import pullquote.ingest.Review;
import pullquote.ingest.SentimentResolver;
import pullquote.sentiment.LinearSentimentModel;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrTestCluster;
import pullquote.testing.TestIndexes;

/**
 * Rebuilds on the run's real cluster. Each test rebuilds an alias of its own, as the cluster is
 * shared with every other test of the run.
 */
@ExtendWith(SolrCluster.class)
@Timeout(300)
class SolrRebuildTest {

  private static final List<Path> FIXTURES = List.of(TestIndexes.SEED, TestIndexes.EXTRA);
  private static final Path[] SEED_AND_EXTRA = FIXTURES.toArray(Path[]::new);
  private static final SolrRebuild.Shape TWO_SHARDS = new SolrRebuild.Shape(2, 1);

  @TempDir Path dir;

  private static SolrRebuild.Result rebuild(
      SolrTestCluster cluster, String alias, List<Path> inputs, IngestProgress progress)
      throws Exception {
    var ingestor =
        new Ingestor(
            new SentimentResolver(LinearSentimentModel.bundled()),
            Json.newMapper(),
            IngestOptions.DEFAULT);
    return new SolrRebuild(ingestor, Clock.systemUTC(), SolrConfigset.bundled(), 2)
        .rebuild(
            SolrConnection.of(cluster.baseUrl(), alias),
            TWO_SHARDS,
            inputs,
            progress,
            SolrRebuild.Steps.NONE);
  }

  private static SolrRebuild.Result rebuild(SolrTestCluster cluster, String alias)
      throws Exception {
    return rebuild(cluster, alias, FIXTURES, IngestProgress.NONE);
  }

  private static SolrClient client(SolrTestCluster cluster) {
    return SolrConnection.of(cluster.baseUrl(), "unused").client(60);
  }

  /** The alias's generations on the cluster, in order. */
  private static List<String> generations(SolrClient client, String alias) throws Exception {
    CollectionGenerations generations = new CollectionGenerations(alias);
    return new SolrCollections(client)
        .collections().stream().filter(generations::isGeneration).sorted().toList();
  }

  @Test
  void aFirstRebuildMakesGenerationOneWithEveryReviewTheLocalIndexHasAndPointsTheAliasAtIt(
      SolrTestCluster cluster) throws Exception {
    SolrRebuild.Result result = rebuild(cluster, "first");
    IndexBuilder.Result local = TestIndexes.build(dir.resolve("index"), SEED_AND_EXTRA);

    assertThat(result.collection()).isEqualTo("first_g000001");
    assertThat(result.previous()).isEmpty();
    assertThat(result.report().reviews()).isEqualTo(local.report().reviews()).isPositive();
    try (SolrClient client = client(cluster)) {
      SolrCollections admin = new SolrCollections(client);
      assertThat(admin.aliasTargets("first")).containsExactly("first_g000001");
      assertThat(admin.count("first")).isEqualTo(local.report().reviews());
      // Same ingest, same sentiment: the reviews the local index stores, field for field.
      assertThat(solrReviews(client, "first")).isEqualTo(localReviews(local.generation()));
      // The report the local path writes as build-info.json, with the collection.
      assertThat(SolrBuildInfo.read(client, "first")).contains(result.info());
      assertThat(SolrBuildInfo.read(client, "first_g000001")).contains(result.info());
      assertThat(result.info().sentiment()).isEqualTo(local.info().sentiment());
      assertThat(result.info().sentimentBySource()).isEqualTo(local.info().sentimentBySource());
      assertThat(SolrBuildInfo.read(client, "no_such_alias")).isEmpty();
    }
  }

  private static List<Review> solrReviews(SolrClient client, String collection) throws Exception {
    SolrQuery all =
        new SolrQuery("*:*")
            .setRows(10_000)
            .setFields(SolrDocuments.storedFields().toArray(String[]::new));
    return client.query(collection, all).getResults().stream()
        .map(SolrDocuments::fromSolr)
        .sorted(Comparator.comparing(Review::id))
        .toList();
  }

  private static List<Review> localReviews(Path generation) throws Exception {
    List<Review> reviews = new ArrayList<>();
    try (var reader = DirectoryReader.open(FSDirectory.open(generation))) {
      var stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        reviews.add(ReviewDocuments.fromDocument(stored.document(doc)));
      }
    }
    reviews.sort(Comparator.comparing(Review::id));
    return reviews;
  }

  @Test
  void eachRebuildMovesTheAliasKeepsThePreviousCollectionAndDropsTheOneBeforeIt(
      SolrTestCluster cluster) throws Exception {
    rebuild(cluster, "moves");
    SolrRebuild.Result second = rebuild(cluster, "moves");
    try (SolrClient client = client(cluster)) {
      SolrCollections admin = new SolrCollections(client);
      assertThat(second.collection()).isEqualTo("moves_g000002");
      assertThat(second.previous()).containsExactly("moves_g000001");
      assertThat(second.dropped()).isEmpty();
      assertThat(admin.aliasTargets("moves")).containsExactly("moves_g000002");
      assertThat(generations(client, "moves")).containsExactly("moves_g000001", "moves_g000002");
      assertThat(SolrBuildInfo.read(client, "moves")).contains(second.info());

      SolrRebuild.Result third = rebuild(cluster, "moves");
      assertThat(third.collection()).isEqualTo("moves_g000003");
      assertThat(third.dropped()).containsExactly("moves_g000001");
      assertThat(admin.aliasTargets("moves")).containsExactly("moves_g000003");
      assertThat(generations(client, "moves")).containsExactly("moves_g000002", "moves_g000003");
      assertThat(admin.count("moves")).isEqualTo(third.report().reviews());
    }
  }

  @Test
  void aCollectionLeftByAKilledRebuildIsDroppedByTheNextWhileTheAliasKeepsAnswering(
      SolrTestCluster cluster) throws Exception {
    long reviews = rebuild(cluster, "leftover").report().reviews();
    try (SolrClient client = client(cluster)) {
      // What a rebuild killed after creating its collection leaves: a generation never aliased.
      new SolrCollections(client).create("leftover_g000009", SolrConfigset.bundled().name(), 1, 1);

      List<String> failures = new CopyOnWriteArrayList<>();
      AtomicInteger answers = new AtomicInteger();
      AtomicBoolean running = new AtomicBoolean(true);
      Thread searcher =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (SolrClient reader = client(cluster)) {
                      while (running.get()) {
                        try {
                          long found =
                              reader
                                  .query("leftover", new SolrQuery("*:*").setRows(0))
                                  .getResults()
                                  .getNumFound();
                          if (found != reviews) {
                            failures.add("found " + found);
                          }
                          answers.incrementAndGet();
                        } catch (Exception e) {
                          failures.add(e.toString());
                        }
                      }
                    } catch (Exception e) {
                      failures.add(e.toString());
                    }
                  });
      SolrRebuild.Result next;
      try {
        next = rebuild(cluster, "leftover");
        Thread.sleep(300); // searches after the move, too
      } finally {
        running.set(false);
        searcher.join();
      }

      assertThat(next.collection()).isEqualTo("leftover_g000010");
      assertThat(next.dropped()).containsExactly("leftover_g000009");
      assertThat(generations(client, "leftover"))
          .containsExactly("leftover_g000001", "leftover_g000010");
      assertThat(failures).isEmpty();
      assertThat(answers.get()).isPositive();
    }
  }

  @Test
  void aCollectionThatDoesNotHoldEveryReviewIsDeletedAndTheAliasStays(SolrTestCluster cluster)
      throws Exception {
    rebuild(cluster, "mismatch");
    AtomicBoolean intruded = new AtomicBoolean();
    try (SolrClient client = client(cluster)) {
      // Someone else writes to the new collection while it is built: one document too many.
      IngestProgress intruder =
          (done, total, reviews) -> {
            if (!intruded.getAndSet(true)) {
              try {
                client.add("mismatch_g000002", SolrDocuments.toSolr(SampleReviews.FULL));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
          };
      assertThatThrownBy(() -> rebuild(cluster, "mismatch", FIXTURES, intruder))
          .isInstanceOf(SolrRebuildException.class)
          .hasMessageContaining("collection mismatch_g000002 holds")
          .hasMessageContaining("alias mismatch still points to mismatch_g000001");
      assertThat(intruded).isTrue();
      assertThat(new SolrCollections(client).aliasTargets("mismatch"))
          .containsExactly("mismatch_g000001");
      assertThat(generations(client, "mismatch")).containsExactly("mismatch_g000001");
    }
  }

  @Test
  void aCollectionNamedAsTheAliasIsRefusedAndNothingIsMade(SolrTestCluster cluster)
      throws Exception {
    try (SolrClient client = client(cluster)) {
      SolrCollections admin = new SolrCollections(client);
      SolrConfigset configset = SolrConfigset.bundled();
      admin.ensureConfigset(configset);
      admin.create("taken", configset.name(), 1, 1);

      assertThatThrownBy(() -> rebuild(cluster, "taken"))
          .isInstanceOf(SolrRebuildException.class)
          .hasMessageContaining("'taken' is a collection on the cluster, not an alias");
      assertThat(generations(client, "taken")).isEmpty();
      CollectionAdminRequest.deleteCollection("taken").process(client);
    }
  }

  @Test
  void badRecordsAreReportedWithFileAndLineAndSkippedAndNothingToIndexMovesNothing(
      SolrTestCluster cluster) throws Exception {
    Path mixed = Files.writeString(dir.resolve("mixed.jsonl"), GOOD + "{not json\n");
    SolrRebuild.Result result = rebuild(cluster, "records", List.of(mixed), IngestProgress.NONE);
    assertThat(result.published()).isTrue();
    assertThat(result.report().reviews()).isEqualTo(1);
    assertThat(result.report().problems())
        .anySatisfy(p -> assertThat(p.toString()).contains("mixed.jsonl:2: skipped"));

    Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{not json\n");
    SolrRebuild.Result nothing = rebuild(cluster, "records", List.of(bad), IngestProgress.NONE);
    assertThat(nothing.published()).isFalse();
    assertThat(nothing.report().skippedTotal()).isEqualTo(1);
    try (SolrClient client = client(cluster)) {
      assertThat(new SolrCollections(client).aliasTargets("records"))
          .containsExactly("records_g000001");
      assertThat(generations(client, "records")).containsExactly("records_g000001");
    }
  }

  /**
   * Two sending threads and three shards make six update requests at once, each writing its body
   * through a pipe on a thread of the HTTP client's executor: more than SolrJ 10.0's default
   * executor has (four), which then hung every request for good.
   */
  @Test
  @Timeout(120)
  void sixUpdateRequestsAtOnceAllComplete(SolrTestCluster cluster) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 6_000; i++) {
      lines.append(
          String.format(
              java.util.Locale.ROOT,
              "{\"id\": \"many-%d\", \"work\": \"Work %d\", \"critic\": \"Critic %d\","
                  + " \"score_raw\": \"%d/10\", \"text\": \"Review number %d, which says"
                  + " enough words to make the request body a few hundred bytes long.\"}%n",
              i,
              i % 50,
              i % 200,
              i % 11,
              i));
    }
    Path many = Files.writeString(dir.resolve("many.jsonl"), lines);
    var ingestor =
        new Ingestor(
            new SentimentResolver(LinearSentimentModel.bundled()),
            Json.newMapper(),
            IngestOptions.DEFAULT);
    SolrRebuild.Result result =
        new SolrRebuild(ingestor, Clock.systemUTC(), SolrConfigset.bundled(), 2)
            .rebuild(
                SolrConnection.of(cluster.baseUrl(), "many"),
                new SolrRebuild.Shape(3, 1),
                List.of(many),
                IngestProgress.NONE,
                SolrRebuild.Steps.NONE);
    assertThat(result.report().reviews()).isEqualTo(6_000);
    try (SolrClient client = client(cluster)) {
      assertThat(new SolrCollections(client).count("many")).isEqualTo(6_000);
    }
  }

  private static final String GOOD =
      "{\"id\": \"g1\", \"work\": \"Quiet Harbour\", \"critic\": \"Noor Haddad\","
          + " \"score_raw\": \"C\", \"text\": \"A gentle, uneven drama.\"}\n";
}
