package pullquote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static pullquote.ingest.IngestTestSupport.fixture;
import static pullquote.ingest.IngestTestSupport.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import pullquote.ingest.IngestTestSupport.Run;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

/**
 * Two overlapping exports of the same reviews (overlap/1-full-export.csv and 2-old-pull.jsonl, 12
 * records): copies become one review with every id, and near-copies that say something else stay
 * apart.
 */
class DuplicateMergingTest {

  private final Run run = ingest(fixture("overlap/1-full-export.csv").getParent());

  private Map<String, Review> byId() {
    return run.reviews().stream().collect(Collectors.toMap(Review::id, Function.identity()));
  }

  @Test
  void copiesFromOverlappingExportsAreOneReviewEachAndTheReportCountsTheMerges() {
    assertThat(run.reviews()).hasSize(8);
    assertThat(run.report().reviews()).isEqualTo(8);
    assertThat(run.report().notes()).containsEntry("duplicate copies merged", 4L);
    assertThat(run.ids())
        .containsExactlyInAnyOrder(
            "ov-1", "ov-2", "ov-3", "ov-4", "ov-5", "old-3", "old-4", "old-5");
  }

  @Test
  void theMergedReviewKeepsTheFirstIdAndAnswersToEveryOther() {
    Map<String, Review> reviews = byId();
    assertThat(reviews.get("ov-1").aliases()).containsExactly("old-1", "old-6");
    assertThat(reviews.get("ov-3").aliases()).containsExactly("old-2");
    assertThat(reviews.get("ov-5").aliases()).containsExactly("ov-6");
    assertThat(reviews.get("ov-2").aliases()).isEmpty();
  }

  @Test
  void theMergedReviewHasTheBestKnownValuesOfItsCopies() {
    Review holt = byId().get("ov-3");
    // The export with the credit and the publication had no grade; the old pull had one, and a
    // date.
    assertThat(holt.critic()).isEqualTo("Sean Holt");
    assertThat(holt.publication()).isEqualTo("Film Desk");
    assertThat(holt.scoreRaw()).isEqualTo("A-");
    assertThat(holt.score()).isNotNull();
    assertThat(holt.sentimentSource()).isEqualTo(SentimentSource.SCORE);
    assertThat(holt.date()).isEqualTo(LocalDate.of(2020, 6, 1));
    assertThat(holt.source()).endsWith("1-full-export.csv");
    assertThat(holt.position()).isEqualTo(4);

    Review lowTide = byId().get("ov-5");
    // Uncredited with a grade, credited without: one review, with both.
    assertThat(lowTide.critic()).isEqualTo("Ines Varga");
    assertThat(lowTide.scoreRaw()).isEqualTo("B");
    assertThat(lowTide.date()).isEqualTo(LocalDate.of(2019, 3, 3));
  }

  @Test
  void copiesThatDisagreeAreMergedKeepingTheStrongestAndTheReportSaysWhere() {
    Review strand = byId().get("ov-1");
    assertThat(strand.score()).isEqualTo(100);
    assertThat(strand.publication()).isEqualTo("The Daily Lamp");
    assertThat(strand.work()).isEqualTo("Rear Porch");
    assertThat(strand.sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(run.report().notes()).containsEntry("merged copies disagree", 1L);
    List<IngestProblem> disagreeing =
        run.report().problems().stream()
            .filter(p -> p.detail().contains("best-known values"))
            .toList();
    assertThat(disagreeing).hasSize(1);
    assertThat(disagreeing.getFirst().file()).endsWith("2-old-pull.jsonl");
    assertThat(disagreeing.getFirst().line()).isEqualTo(6);
    assertThat(disagreeing.getFirst().detail())
        .contains(
            "1-full-export.csv line 2", "score 100 / 90", "The Daily Lamp / The Evening Lamp");
  }

  @Test
  void reviewsThatSaySomethingElseOrComeFromAnotherCriticOrWorkStayApart() {
    Map<String, Review> reviews = byId();
    // One exclamation mark of difference: two reviews.
    assertThat(reviews.get("old-3").text()).endsWith("pulse!");
    assertThat(reviews.get("ov-2").text()).endsWith("pulse.");
    // The same word from another critic, and from the same critic on another work.
    assertThat(reviews.get("ov-4").critic()).isEqualTo("Ana Ruiz");
    assertThat(reviews.get("old-4").work()).isEqualTo("Low Tide");
    // Uncredited, and two critics wrote that text on that work: it joins neither.
    assertThat(reviews.get("old-5").critic()).isNull();
    assertThat(reviews.get("old-5").aliases()).isEmpty();
  }

  @Test
  void recordsThatOnlyShareAHashAreNotMerged() {
    DuplicateScan scan = new DuplicateScan((work, text) -> 42L);
    List<Review> reviews =
        List.of(
            review("a", "Work", "Critic", "One text."),
            review("b", "Other work", "Critic", "One text."),
            review("c", "Work", "Critic", "Another text."),
            review("d", "Work", "Critic", "one  TEXT."));
    reviews.forEach(r -> scan.add(r.work(), r.text()));
    List<Review> out = new ArrayList<>();
    IngestReport report = new IngestReport();
    DuplicateMerger merger = new DuplicateMerger(scan.clusters(), report, out::add);
    reviews.forEach(merger::accept);
    merger.finish();

    assertThat(out).extracting(Review::id).containsExactly("a", "b", "c");
    assertThat(out.getFirst().aliases()).containsExactly("d");
    assertThat(report.notes()).containsEntry("duplicate copies merged", 1L);
  }

  static Review review(String id, String work, String critic, String text) {
    return new Review(
        id,
        work,
        critic,
        null,
        null,
        null,
        null,
        Sentiment.POSITIVE,
        SentimentSource.LABEL,
        null,
        List.of(),
        text,
        "test",
        1);
  }
}
