package pullquote.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.search.SearchRequest;
import pullquote.testing.TestIndexes;

class IndexBuilderTest {

  @TempDir Path dir;

  private static long count(LiveIndex live) {
    return TestIndexes.service(live).search(SearchRequest.of("")).total();
  }

  private Stream<String> generations() throws IOException {
    return Files.list(dir)
        .map(p -> p.getFileName().toString())
        .filter(n -> n.startsWith("gen-"))
        .sorted();
  }

  @Test
  void buildPublishesAGenerationWithItsBuildInfo() throws Exception {
    var result = TestIndexes.build(dir, TestIndexes.SEED);
    assertThat(result.published()).isTrue();
    assertThat(new IndexLayout(dir).current()).contains(dir.toAbsolutePath().resolve("gen-000001"));
    assertThat(Files.readString(dir.resolve("gen-000001").resolve(BuildInfo.FILE_NAME)))
        .contains("\"reviews\" : 11");
  }

  @Test
  void segmentsAreWrittenWithTheReviewCodecAndReadBackByName() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED);
    try (var fs = org.apache.lucene.store.FSDirectory.open(dir.resolve("gen-000001"))) {
      var infos = org.apache.lucene.index.SegmentInfos.readLatestCommit(fs);
      assertThat(infos.asList())
          .isNotEmpty()
          .allSatisfy(
              segment -> assertThat(segment.info.getCodec().getName()).isEqualTo(ReviewCodec.NAME));
    }
    try (LiveIndex live = TestIndexes.open(dir)) {
      assertThat(count(live)).isEqualTo(11);
    }
  }

  @Test
  void buildWithNothingIndexableLeavesTheOldIndexServed() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED);
    var failed = TestIndexes.build(dir, dir.resolve("no-such-file.csv"));
    assertThat(failed.published()).isFalse();
    assertThat(failed.report().skippedTotal()).isEqualTo(1);
    try (LiveIndex live = TestIndexes.open(dir)) {
      assertThat(count(live)).isEqualTo(11);
    }
    assertThat(generations()).containsExactly("gen-000001");
  }

  @Test
  void liveIndexPicksUpARebuildWithoutReopening() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED);
    try (LiveIndex live = TestIndexes.open(dir)) {
      assertThat(count(live)).isEqualTo(11);
      assertThat(live.refresh()).isFalse();
      TestIndexes.build(dir, TestIndexes.SEED, TestIndexes.EXTRA);
      assertThat(count(live)).isEqualTo(11);
      assertThat(live.refresh()).isTrue();
      assertThat(count(live)).isEqualTo(15);
    }
  }

  @Test
  void aServerPicksUpAnIndexRebuiltFromScratch() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED);
    try (LiveIndex live = TestIndexes.open(dir)) {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          if (!p.equals(dir)) {
            Files.delete(p);
          }
        }
      }
      TestIndexes.build(dir, TestIndexes.SEED, TestIndexes.EXTRA);
      assertThat(generations()).containsExactly("gen-000001");
      assertThat(live.refresh()).isTrue();
      assertThat(count(live)).isEqualTo(15);
    }
  }

  @Test
  void laterGenerationsAreWarmedBeforeTheyAreServedAndTheFirstBesideItsFirstRequests()
      throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED);
    var warmed = new java.util.concurrent.LinkedBlockingQueue<String>();
    var firstMayFinish = new java.util.concurrent.CountDownLatch(1);
    try (LiveIndex live =
        new LiveIndex(
            new IndexLayout(dir),
            pullquote.ingest.Json.newMapper(),
            s -> {
              if (s.reviewCount() == 11) {
                try {
                  firstMayFinish.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              warmed.add(s.reviewCount() + " on " + Thread.currentThread().getName());
            })) {
      assertThat(live.refresh()).isTrue();
      // Served at once, while its warming is held: nothing older could be served meanwhile.
      assertThat(count(live)).isEqualTo(11);
      assertThat(warmed).isEmpty();
      firstMayFinish.countDown();
      assertThat(warmed.poll(30, java.util.concurrent.TimeUnit.SECONDS))
          .isEqualTo("11 on index-warm");
      TestIndexes.build(dir, TestIndexes.SEED, TestIndexes.EXTRA);
      assertThat(live.refresh()).isTrue();
      assertThat(warmed).containsExactly("15 on " + Thread.currentThread().getName());
      assertThat(live.refresh()).isFalse();
      assertThat(warmed).hasSize(1);
    }
  }

  @Test
  void pruneKeepsTheCurrentAndPreviousGenerations() throws Exception {
    for (int i = 0; i < 4; i++) {
      TestIndexes.build(dir, TestIndexes.SEED);
    }
    assertThat(generations()).containsExactly("gen-000003", "gen-000004");
  }

  @Test
  void aCrashedBuildsLeftoversAreNeverServedAndAreCleanedUp() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED);
    Path leftover = Files.createDirectory(dir.resolve("gen-000002"));
    Files.writeString(leftover.resolve("_0.cfs"), "half-written");
    assertThat(new IndexLayout(dir).current()).contains(dir.toAbsolutePath().resolve("gen-000001"));
    TestIndexes.build(dir, TestIndexes.SEED);
    assertThat(generations()).containsExactly("gen-000001", "gen-000003");
  }

  @Test
  void twoBuildsOfOneIndexCannotRunAtOnce() throws Exception {
    IndexLayout layout = new IndexLayout(dir);
    try (var lock = layout.lockForBuild()) {
      assertThatThrownBy(() -> TestIndexes.build(dir, TestIndexes.SEED))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("another index build is running");
    }
    assertThat(TestIndexes.build(dir, TestIndexes.SEED).published()).isTrue();
  }

  @Test
  void reviewIdsAreStableAcrossRebuilds() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED);
    java.util.List<String> first;
    try (LiveIndex live = TestIndexes.open(dir)) {
      first =
          TestIndexes.service(live).search(SearchRequest.of("")).hits().stream()
              .map(h -> h.id())
              .sorted()
              .toList();
    }
    TestIndexes.build(dir, TestIndexes.SEED);
    try (LiveIndex live = TestIndexes.open(dir)) {
      assertThat(
              TestIndexes.service(live).search(SearchRequest.of("")).hits().stream()
                  .map(h -> h.id())
                  .sorted()
                  .toList())
          .isEqualTo(first);
    }
  }
}
