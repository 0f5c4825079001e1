package pullquote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static pullquote.ingest.IngestTestSupport.fixture;
import static pullquote.ingest.IngestTestSupport.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.ingest.IngestTestSupport.Run;
import pullquote.sentiment.LinearSentimentModel;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

class IngestorTest {

  @TempDir Path dir;

  /**
   * dir/1-api.jsonl (3 good), dir/2-pages/pusher.txt (11), dir/2-pages/zz-notes.txt (unknown),
   * dir/3-export.csv (2 good + 1 empty text), dir/.hidden.csv (ignored).
   */
  private Path tree() throws Exception {
    Files.copy(fixture("api-reviews.jsonl"), dir.resolve("1-api.jsonl"));
    Path pages = Files.createDirectories(dir.resolve("2-pages"));
    Files.copy(Path.of("sample-data/pusher.txt"), pages.resolve("pusher.txt"));
    Files.writeString(
        pages.resolve("zz-notes.txt"), "Remember to watch the director's cut.\nBring snacks.\n");
    Files.writeString(
        dir.resolve("3-export.csv"),
        """
        review_id,critic,text
        c-1,Mona Dace,A handsome and gripping period piece.
        c-2,Rudi Falk,
        c-3,Sol Vance,A dull and tedious slog.
        """);
    Files.writeString(dir.resolve(".hidden.csv"), "text\nShould never be read.\n");
    return dir;
  }

  @Test
  void directoryIsReadRecursivelyInNameOrderAndEveryInputIsReported() throws Exception {
    Path missing = dir.resolveSibling(dir.getFileName() + "-missing").resolve("gone.csv");
    Path root = tree();

    Run run = ingest(root, missing);

    // named from what was indexed (the directory), never where it lies on this machine
    String name = root.getFileName().toString();
    assertThat(run.reviews().stream().map(Review::source).distinct().toList())
        .containsExactly(
            name + "/1-api.jsonl", name + "/2-pages/pusher.txt", name + "/3-export.csv");
    assertThat(run.reviews()).hasSize(3 + 11 + 2);
    assertThat(run.ids().subList(0, 3)).containsExactly("j-1", "j-2", "j-3");
    assertThat(run.ids().subList(14, 16)).containsExactly("c-1", "c-3");

    IngestReport report = run.report();
    assertThat(report.filesRead()).isEqualTo(3);
    assertThat(report.reviews()).isEqualTo(16);
    assertThat(report.skipped())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                SkipReason.UNREADABLE_FILE, 1L,
                SkipReason.UNKNOWN_FORMAT, 1L,
                SkipReason.EMPTY_TEXT, 1L));
    assertThat(report.skippedTotal()).isEqualTo(3);
    assertThat(report.problems())
        .extracting(IngestProblem::file, IngestProblem::line, IngestProblem::reason)
        .containsExactly(
            tuple(missing.toString(), 0, SkipReason.UNREADABLE_FILE),
            tuple(root.resolve("2-pages/zz-notes.txt").toString(), 0, SkipReason.UNKNOWN_FORMAT),
            tuple(root.resolve("3-export.csv").toString(), 3, SkipReason.EMPTY_TEXT));
    assertThat(report.problems().get(0).detail()).isEqualTo("no such file or directory");
    assertThat(report.bySentiment().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(16);
    assertThat(report.bySource())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                SentimentSource.SCORE, 3L,
                SentimentSource.LABEL, 1L,
                SentimentSource.PAGE, 10L,
                SentimentSource.MODEL, 2L));
  }

  @Test
  void textsAndNamesAreCleanedOnceAtIngestAndTheReportCountsIt() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("marked.jsonl"),
            String.join(
                    "\n",
                    "{\"id\": \"m-1\", \"work\": \"Rear Window\", \"critic\": \"Mike Clark\","
                        + " \"text\": \"What else can be said about Hitch&apos;s masterpiece&#63;\"}",
                    "{\"id\": \"m-2\", \"work\": \"<i>Vertigo</i>\", \"critic\": \"Ann  Hale\","
                        + " \"text\": \"A <b>dizzying</b> film.\"}",
                    "{\"id\": \"m-3\", \"work\": \"Vertigo\", \"text\": \"<i> </i>\"}",
                    "{\"id\": \"m-4\", \"work\": \"Vertigo\", \"text\": \"Plain as typed.\"}")
                + "\n");

    Run run = ingest(file);

    assertThat(run.reviews())
        .extracting(Review::id, Review::work, Review::critic, Review::text)
        .containsExactly(
            tuple(
                "m-1",
                "Rear Window",
                "Mike Clark",
                "What else can be said about Hitch's masterpiece?"),
            tuple("m-2", "Vertigo", "Ann Hale", "A dizzying film."),
            tuple("m-4", "Vertigo", null, "Plain as typed."));
    assertThat(run.report().notes())
        .containsEntry("html entities decoded", 1L)
        .containsEntry("markup removed", 1L);
    // a text that was only markup is skipped, with its file and line
    assertThat(run.report().skipped()).containsExactly(Map.entry(SkipReason.EMPTY_TEXT, 1L));
    assertThat(run.report().problems())
        .extracting(IngestProblem::file, IngestProblem::line, IngestProblem::reason)
        .containsExactly(tuple(file.toString(), 3, SkipReason.EMPTY_TEXT));
  }

  @Test
  void reviewsWithNoOtherEvidenceAreClassifiedByTheModelWithConfidence() throws Exception {
    Run run = ingest(tree());

    List<Review> modelled =
        run.reviews().stream().filter(r -> r.sentimentSource() == SentimentSource.MODEL).toList();
    assertThat(modelled).extracting(Review::id).containsExactly("c-1", "c-3");
    assertThat(modelled)
        .extracting(Review::sentiment)
        .containsExactly(Sentiment.POSITIVE, Sentiment.NEGATIVE);
    assertThat(modelled)
        .allSatisfy(r -> assertThat(r.sentimentConfidence()).isNotNull().isBetween(0.0, 1.0));
    assertThat(run.reviews())
        .filteredOn(r -> r.sentimentSource() != SentimentSource.MODEL)
        .extracting(Review::sentimentConfidence)
        .containsOnlyNulls();
  }

  @Test
  void aReviewsSourceIsNamedFromWhatWasIndexedOrTheOperatorsLabelNeverItsPlaceOnDisk()
      throws Exception {
    Path root = tree().toAbsolutePath();
    Path file = root.resolve("3-export.csv");
    assertThat(ingest(file).reviews()).extracting(Review::source).containsOnly("3-export.csv");
    IngestOptions labelled = new IngestOptions(null, null, "rt-2013");
    assertThat(ingest(labelled, file).reviews()).extracting(Review::source).containsOnly("rt-2013");
    assertThat(ingest(labelled, root).reviews().stream().map(Review::source).distinct())
        .containsExactly(
            "rt-2013/1-api.jsonl", "rt-2013/2-pages/pusher.txt", "rt-2013/3-export.csv");
    assertThat(ingest(root).reviews())
        .allSatisfy(r -> assertThat(r.source()).doesNotContain(root.getParent().toString()));
    // the report, the operator's, keeps the path as given
    assertThat(ingest(root.resolve("nowhere.csv")).report().problems().getFirst().file())
        .isEqualTo(root.resolve("nowhere.csv").toString());
    assertThatThrownBy(() -> new IngestOptions(null, null, "a/b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPipeAndADanglingLinkInADirectoryAreReportedAndTheFilesBesideThemRead() throws Exception {
    Path root = tree();
    Path pipe = root.resolve("2-pages/incoming.fifo");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
    Files.createSymbolicLink(root.resolve("4-gone.csv"), root.resolve("nowhere.csv"));

    Run run = ingest(root);

    assertThat(run.reviews()).hasSize(3 + 11 + 2);
    assertThat(run.report().problems())
        .extracting(IngestProblem::file, IngestProblem::detail)
        .contains(
            tuple(pipe.toString(), "not a regular file (a pipe, a socket or a device)"),
            tuple(root.resolve("4-gone.csv").toString(), "a link to nothing"));
  }

  @Test
  void aRepeatedIdIsNumberedAndARepeatedRowIsMergedUnderBothIds() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("dupes.csv"),
            """
            id,critic,text
            same,Ann Lee,One.
            same,Ann Lee,Two.
            ,Bea Orr,Echo.
            ,Bea Orr,Echo.
            has space,Bea Orr,Echo once more.
            """);

    Run run = ingest(file);
    List<String> ids = run.ids();

    assertThat(ids).hasSize(4).doesNotHaveDuplicates();
    assertThat(ids.subList(0, 2)).containsExactly("same", "same-2");
    assertThat(ids.get(2)).matches("r[0-9a-f]{16}");
    assertThat(run.reviews().get(2).aliases()).containsExactly(ids.get(2) + "-2");
    assertThat(ids.get(3)).matches("r[0-9a-f]{16}");
    assertThat(ingest(file).ids()).isEqualTo(ids);
  }

  @Test
  void progressRisesToTwiceTheTotalSizeOfAllFiles() throws Exception {
    Path root = tree();
    long total;
    try (var walk = Files.walk(root)) {
      total =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .mapToLong(p -> p.toFile().length())
              .sum();
    }
    List<long[]> updates = new ArrayList<>();
    new Ingestor(
            new SentimentResolver(LinearSentimentModel.bundled()),
            Json.newMapper(),
            IngestOptions.DEFAULT)
        .ingest(
            List.of(root),
            r -> {},
            (done, all, reviews) -> updates.add(new long[] {done, all, reviews}));

    assertThat(updates).isNotEmpty();
    // Two passes, each half of the bar: the first looks for copies, the second indexes.
    assertThat(updates).allSatisfy(u -> assertThat(u[1]).isEqualTo(2 * total));
    assertThat(updates.stream().mapToLong(u -> u[0]).toArray()).isSorted();
    assertThat(updates.get(updates.size() - 1)).containsExactly(2 * total, 2 * total, 16);
  }

  @Test
  void failureOfTheConsumerEndsTheRunAndIsRethrown() throws Exception {
    Path root = tree();
    IllegalStateException boom = new IllegalStateException("index full");
    Ingestor ingestor =
        new Ingestor(
            new SentimentResolver(LinearSentimentModel.bundled()),
            Json.newMapper(),
            IngestOptions.DEFAULT);

    assertThatThrownBy(
            () ->
                ingestor.ingest(
                    List.of(root),
                    r -> {
                      throw boom;
                    },
                    IngestProgress.NONE))
        .isSameAs(boom);
  }

  @Test
  void blankWorkOverrideIsRejected() {
    assertThatThrownBy(() -> new IngestOptions("  ", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--work needs a title");
    assertThat(new IngestOptions(null, null).columns()).isSameAs(ColumnMapping.DEFAULT);
  }
}
