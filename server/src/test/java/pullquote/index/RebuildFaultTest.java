package pullquote.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.search.SearchParameters;
import pullquote.testing.PullquoteProcess;
import pullquote.testing.TestIndexes;

/**
 * Rebuilds that die half-way, for real: the indexer runs as its own process and is killed with
 * SIGKILL at several points of the build, or stopped by the operating system refusing its writes.
 * Whatever happens, the served index stays a complete one and the next rebuild succeeds.
 */
class RebuildFaultTest {

  private static final int OLD_REVIEWS = 40;
  private static final int NEW_REVIEWS = 30_000;

  @TempDir Path tmp;
  private Path index;
  private Path big;
  private Path mounted;

  @BeforeEach
  void serveASmallIndex() throws IOException {
    index = tmp.resolve("index");
    Path small = corpus(tmp.resolve("small.jsonl"), OLD_REVIEWS, "oldword");
    TestIndexes.build(index, small);
    big = corpus(tmp.resolve("big.jsonl"), NEW_REVIEWS, "newword");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      new ProcessBuilder("umount", "-l", mounted.toString()).start().waitFor();
    }
  }

  /** Where in the build the indexer is killed, as seen from outside in the index directory. */
  enum KillPoint {
    GENERATION_CREATED(gen -> true),
    // Stored fields stream to disk as reviews are added, long before the segment is flushed.
    INDEX_FILES_BEING_WRITTEN(gen -> hasFile(gen, name -> name.startsWith("_"))),
    COMMITTED(gen -> hasFile(gen, name -> name.startsWith("segments_"))),
    BUILD_INFO_WRITTEN(gen -> hasFile(gen, name -> name.equals(BuildInfo.FILE_NAME)));

    final Predicate<Path> reached;

    KillPoint(Predicate<Path> reached) {
      this.reached = reached;
    }
  }

  @Test
  void sigkillAnywhereInARebuildLeavesAWholeIndexServedAndTheNextRebuildWorks() throws Exception {
    List<String> outcomes = new ArrayList<>();
    for (KillPoint point : KillPoint.values()) {
      List<Path> existing = generations();
      Path servedBefore = new IndexLayout(index).current().orElseThrow();
      Process indexer = indexBig(point + ".log", null);
      boolean seen;
      try {
        seen =
            waitFor(
                indexer,
                () ->
                    generations().stream()
                        .filter(g -> !existing.contains(g))
                        .anyMatch(point.reached));
      } finally {
        indexer.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
      }
      assertThat(indexer.waitFor(60, TimeUnit.SECONDS)).isTrue();
      boolean killed = indexer.exitValue() == 137;
      boolean published = !new IndexLayout(index).current().orElseThrow().equals(servedBefore);
      outcomes.add(
          point
              + (seen ? " reached" : " not reached")
              + (killed ? ", killed" : ", done")
              + (published ? " after publishing" : " before publishing"));

      // Whichever side of the publishing rename the kill fell on, a whole index is served: the
      // old one before it (a kill just after the commit file appears can still land after it).
      assertThat(servedReviews())
          .as("served after %s", outcomes.get(outcomes.size() - 1))
          .isEqualTo(published ? NEW_REVIEWS : OLD_REVIEWS);
      if (published) {
        TestIndexes.build(index, corpus(tmp.resolve("again.jsonl"), OLD_REVIEWS, "oldword"));
      }
    }
    // The kills that land mid-build are the point of the test; the corpus is big enough for them.
    assertThat(outcomes)
        .as("outcomes %s", outcomes)
        .contains(
            "GENERATION_CREATED reached, killed before publishing",
            "INDEX_FILES_BEING_WRITTEN reached, killed before publishing");
    System.out.println("RebuildFaultTest kill outcomes: " + outcomes);

    Process rebuild = indexBig("rebuild.log", null);
    try {
      assertThat(rebuild.waitFor(120, TimeUnit.SECONDS)).isTrue();
    } finally {
      rebuild.destroyForcibly();
    }
    assertThat(rebuild.exitValue()).as(log("rebuild.log")).isZero();
    assertThat(servedReviews()).isEqualTo(NEW_REVIEWS);
    try (Stream<Path> generations = Files.list(index)) {
      assertThat(generations.filter(p -> p.getFileName().toString().startsWith("gen-")).count())
          .as("crashed builds' leftovers are cleaned up")
          .isLessThanOrEqualTo(2);
    }
  }

  @Test
  void aRebuildTheOperatingSystemStopsWritingFailsClearlyAndChangesNothing() throws Exception {
    // ulimit -f: the kernel refuses writes past 256 KB with EFBIG, as a full disk refuses with
    // ENOSPC; the JVM ignores SIGXFSZ, so Lucene sees the failed write.
    assertFailsClearlyAndChangesNothing(indexBig("limited.log", "ulimit -f 512;"), "limited.log");
    assertThat(log("limited.log")).contains(": file too large");
    TestIndexes.build(index, big);
    assertThat(servedReviews()).isEqualTo(NEW_REVIEWS);
  }

  @Test
  void aRebuildOnAFullDiskFailsClearlyAndChangesNothing() throws Exception {
    mounted = Files.createDirectories(tmp.resolve("small-disk"));
    int status;
    try {
      status =
          new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mounted.toString())
              .redirectErrorStream(true)
              .start()
              .waitFor();
    } catch (IOException e) {
      status = -1; // no mount command here
    }
    if (status != 0) {
      mounted = null;
    }
    Assumptions.assumeTrue(
        status == 0, "cannot mount a small tmpfs here (needs root); the ulimit test covers it");
    index = mounted.resolve("index");
    TestIndexes.build(index, corpus(tmp.resolve("small2.jsonl"), OLD_REVIEWS, "oldword"));
    assertFailsClearlyAndChangesNothing(indexBig("full.log", null), "full.log");
    assertThat(log("full.log"))
        .contains(": no space left on device")
        .doesNotContain("IndexWriter is closed");
  }

  /** Starts `pullquote index` on the big corpus in its own process. */
  private Process indexBig(String logName, String shellPrefix) throws IOException {
    return PullquoteProcess.start(
        tmp.resolve(logName),
        shellPrefix,
        "index",
        "--index",
        index.toString(),
        "--quiet",
        big.toString());
  }

  private void assertFailsClearlyAndChangesNothing(Process indexer, String logName)
      throws Exception {
    try {
      assertThat(indexer.waitFor(120, TimeUnit.SECONDS)).isTrue();
    } finally {
      indexer.destroyForcibly();
    }
    String log = log(logName);
    assertThat(indexer.exitValue()).as(log).isEqualTo(1);
    assertThat(log)
        .contains("could not write the index")
        .contains("The index that was there before is unchanged.")
        .doesNotContain("\tat ");
    assertThat(servedReviews()).isEqualTo(OLD_REVIEWS);
    assertThat(newGeneration()).as("the failed generation is removed, freeing the disk").isEmpty();
  }

  @Test
  void aRunningServerKeepsTheOldGenerationWhenAPublishedOneIsCorrupt() throws Exception {
    try (LiveIndex live = TestIndexes.open(index)) {
      var service = TestIndexes.service(live);
      Path fresh = corpus(tmp.resolve("fresh.jsonl"), 60, "newword");
      Path generation = TestIndexes.build(index, fresh).generation();
      Path largest;
      try (Stream<Path> files = Files.list(generation)) {
        largest =
            files
                .filter(f -> f.getFileName().toString().startsWith("_"))
                .max(java.util.Comparator.comparingLong(f -> f.toFile().length()))
                .orElseThrow();
      }
      try (var channel =
          java.nio.channels.FileChannel.open(largest, java.nio.file.StandardOpenOption.WRITE)) {
        channel.truncate(channel.size() / 2);
      }
      live.refreshQuietly();
      assertThat(live.refresh())
          .as("the broken generation is not opened again at every poll")
          .isFalse();
      assertThat(service.search(SearchParameters.parse(java.util.Map.of())).total())
          .as("still the old generation, whole")
          .isEqualTo(OLD_REVIEWS);
      assertThat(service.search(query("oldword")).total()).isEqualTo(OLD_REVIEWS);
      assertThat(service.stats().generation()).isNotEqualTo(generation.getFileName().toString());
    }
  }

  private long servedReviews() throws IOException {
    try (LiveIndex live = TestIndexes.open(index)) {
      var service = TestIndexes.service(live);
      long old = service.search(query("oldword")).total();
      long all = service.search(SearchParameters.parse(java.util.Map.of())).total();
      long fresh = service.search(query("newword")).total();
      // A complete index is all old or all new, and every review in it is searchable.
      assertThat(old == all || fresh == all).as("old %d, new %d, all %d", old, fresh, all).isTrue();
      return all;
    }
  }

  private static pullquote.search.SearchRequest query(String q) {
    return SearchParameters.parse(java.util.Map.of("q", List.of(q)));
  }

  private List<Path> generations() {
    try (Stream<Path> files = Files.list(index)) {
      return files.filter(p -> p.getFileName().toString().startsWith("gen-")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The generation directory a build is writing, if any: one newer than the served one. */
  private java.util.Optional<Path> newGeneration() throws IOException {
    Path current = new IndexLayout(index).current().orElseThrow();
    return generations().stream()
        .filter(p -> p.getFileName().compareTo(current.getFileName()) > 0)
        .findFirst();
  }

  private static boolean hasFile(Path dir, Predicate<String> name) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(p -> name.test(p.getFileName().toString()));
    } catch (IOException e) {
      return false; // the build removed it meanwhile
    }
  }

  private static boolean waitFor(Process process, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (process.isAlive() && System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(1);
    }
    return false;
  }

  private String log(String name) throws IOException {
    return Files.readString(tmp.resolve(name), StandardCharsets.UTF_8);
  }

  /** A JSON Lines corpus of synthetic reviews, each carrying the marker word. */
  static Path corpus(Path file, int reviews, String marker) throws IOException {
    String[] words = {
      "film", "story", "cast", "quiet", "bold", "slow", "funny", "grim", "tender", "loud", "score",
      "camera", "ending", "script", "actor", "plot", "twist", "scene", "light", "dark"
    };
    Random random = new Random(reviews);
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < reviews; i++) {
        StringBuilder text = new StringBuilder(marker);
        for (int w = 0; w < 25; w++) {
          text.append(' ').append(words[random.nextInt(words.length)]);
        }
        out.write(
            String.format(
                "{\"id\": \"%s-%d\", \"work\": \"Work %d\", \"critic\": \"Critic %d\","
                    + " \"publication\": \"Paper %d\", \"date\": \"2020-01-%02d\","
                    + " \"score_raw\": \"%d/10\", \"text\": \"%s.\"}%n",
                marker, i, i % 500, i % 300, i % 40, 1 + i % 28, 1 + i % 10, text));
      }
    }
    return file;
  }
}
