package pullquote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static pullquote.ingest.IngestTestSupport.fixture;
import static pullquote.ingest.IngestTestSupport.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.ingest.IngestTestSupport.CollectingSink;
import pullquote.ingest.IngestTestSupport.Run;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

class CsvReviewReaderTest {

  @TempDir Path dir;

  @Test
  void sharedSchemaLoadsWithNoOptions() {
    Path file = fixture("shared-schema.csv");

    Run run = ingest(file);

    assertThat(run.report().filesRead()).isEqualTo(1);
    assertThat(run.report().skippedTotal()).isZero();
    assertThat(run.reviews())
        .extracting(Review::id, Review::work, Review::critic, Review::publication)
        .containsExactly(
            tuple("rv-1001", "The Lantern Keeper", "Maren Oduya", "Harbor Weekly"),
            tuple("rv-1002", "The Lantern Keeper", null, "Inland Review"),
            tuple("rv-1003", "The Lantern Keeper", "Tobias Venn", "Coastline Arts"),
            tuple("rv-1004", "Salt Road", "Odile Frask", "The Porchlight"));
    assertThat(run.reviews()).extracting(Review::source).containsOnly("shared-schema.csv");
    assertThat(run.reviews()).extracting(Review::position).containsExactly(2, 3, 5, 6);
  }

  @Test
  void sharedSchemaFieldsLandOnTheReview() {
    List<Review> reviews = ingest(fixture("shared-schema.csv")).reviews();

    assertThat(reviews)
        .extracting(
            Review::scoreRaw,
            Review::score,
            Review::sentiment,
            Review::sentimentSource,
            Review::date)
        .containsExactly(
            tuple("3.5/4", 88, Sentiment.POSITIVE, SentimentSource.SCORE, LocalDate.of(2021, 3, 4)),
            tuple(null, null, Sentiment.NEGATIVE, SentimentSource.LABEL, LocalDate.of(2021, 3, 9)),
            tuple("C+", 58, Sentiment.MIXED, SentimentSource.SCORE, null),
            tuple(
                "Big Screen Watch",
                null,
                Sentiment.POSITIVE,
                SentimentSource.LABEL,
                LocalDate.of(2019, 8, 2)));
    assertThat(reviews.get(0).text())
        .isEqualTo("A patient, lamplit drama that earns every one of its quiet revelations.");
    assertThat(reviews.get(1).text())
        .isEqualTo("The pacing drags badly. By the final act the lantern has long gone out.");
    assertThat(reviews).extracting(Review::sentimentConfidence).containsOnlyNulls();
  }

  @Test
  void placeholderDateAndUnreadableScoreAreNotedNotSkipped() {
    Path file = fixture("shared-schema.csv");

    IngestReport report = ingest(file).report();

    assertThat(report.notes())
        .containsExactlyInAnyOrderEntriesOf(Map.of("placeholder date", 1L, "unreadable score", 1L));
    assertThat(report.skipped()).isEmpty();
    assertThat(report.problems())
        .extracting(IngestProblem::line, IngestProblem::skipped)
        .containsExactly(tuple(5, false), tuple(6, false));
  }

  @Test
  void kaggleRottenTomatoesSchemaLoadsWithNoOptionsAndFreshRottenAreLabels() {
    Run run = ingest(fixture("kaggle-rt.csv"));

    assertThat(run.report().skippedTotal()).isZero();
    assertThat(run.reviews())
        .extracting(
            Review::critic,
            Review::publication,
            Review::scoreRaw,
            Review::score,
            Review::sentiment,
            Review::sentimentSource)
        .containsExactly(
            tuple(
                "Priya Salgado",
                "Northern Screen",
                null,
                null,
                Sentiment.POSITIVE,
                SentimentSource.LABEL),
            tuple(
                "Hal Brennick",
                "Daily Marquee",
                null,
                null,
                Sentiment.NEGATIVE,
                SentimentSource.LABEL),
            tuple(null, "Valley Post", "B+", 83, Sentiment.POSITIVE, SentimentSource.SCORE));
    assertThat(run.reviews())
        .extracting(Review::date)
        .containsExactly(
            LocalDate.of(2021, 5, 2), LocalDate.of(2021, 5, 3), LocalDate.of(2021, 5, 4));
    assertThat(run.reviews()).extracting(Review::work).containsOnly("The Lantern Keeper");
    assertThat(run.reviews().get(2).text())
        .isEqualTo("Assured filmmaking from first frame to last.");
  }

  @Test
  void customHeaderNeedsAMapping() {
    Path file = fixture("custom-header.csv");

    Run unmapped = ingest(file);

    assertThat(unmapped.reviews()).isEmpty();
    assertThat(unmapped.report().skipped())
        .containsExactly(Map.entry(SkipReason.MISSING_COLUMN, 1L));
    assertThat(unmapped.report().problems()).extracting(IngestProblem::line).containsExactly(1);
  }

  @Test
  void mapOptionNamesTheColumnsOfACustomHeader() {
    Path file = fixture("custom-header.csv");
    ColumnMapping mapping = ColumnMapping.parse(List.of("text=blurb", "critic=who"));

    Run run = ingest(new IngestOptions(null, mapping), file);

    assertThat(run.report().skippedTotal()).isZero();
    assertThat(run.reviews())
        .extracting(Review::critic, Review::text, Review::scoreRaw, Review::score, Review::work)
        .containsExactly(
            tuple(
                "Ilse Marrow",
                "An odd little delight with a sting in its tail.",
                "B-plus",
                83,
                "Custom Header"),
            tuple(
                "Konrad Aalto",
                "Handsome to look at and hollow inside.",
                "2/5",
                40,
                "Custom Header"));
    assertThat(run.reviews()).extracting(Review::position).containsExactly(2, 3);
  }

  @Test
  void workOverrideFillsOnlyRowsWithoutAWork() {
    Run custom =
        ingest(
            new IngestOptions("Tin Lanterns", ColumnMapping.parse(List.of("text=blurb"))),
            fixture("custom-header.csv"));
    Run shared = ingest(new IngestOptions("Tin Lanterns", null), fixture("shared-schema.csv"));

    assertThat(custom.reviews()).extracting(Review::work).containsOnly("Tin Lanterns");
    assertThat(shared.reviews())
        .extracting(Review::work)
        .containsExactly(
            "The Lantern Keeper", "The Lantern Keeper", "The Lantern Keeper", "Salt Road");
  }

  @Test
  void mapOptionRejectsPairsThatAreNotFieldEqualsColumn() {
    assertThatThrownBy(() -> ColumnMapping.parse(List.of("blurb")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'blurb'");
    assertThatThrownBy(() -> ColumnMapping.parse(List.of("mood=blurb")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'mood' is not a review field");
    assertThat(ColumnMapping.parse(List.of("score_raw=stars")).explicit())
        .containsExactly(Map.entry(InputField.SCORE, "stars"));
  }

  @Test
  void brokenRowsAreSkippedWithReasonAndLineAndEveryGoodRowIsRead() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(
        """
        id,critic,score,text
        b-1,Ann Kessel,4/5,Good row one.
        b-2,Bo Lindqvist,"3/5,Unbalanced quote that never closes.
        b-3,Cy Ortega,2/5,Good row after the bad quote.
        b-4,Dee Park,5/5,Too,many,fields here
        b-5,Eli Fenn,1/5,
        b-6,Fay Quill,3/4,Bad bytes\
        """
            .getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
    bytes.writeBytes(
        """
         here.
        b-7,Gus Hale,"B+","Last good row, quoted."
        """
            .getBytes(StandardCharsets.UTF_8));
    Path file = Files.write(dir.resolve("broken.csv"), bytes.toByteArray());

    CollectingSink sink = new CollectingSink();
    new CsvReviewReader(ColumnMapping.DEFAULT, null).read(file, sink);

    assertThat(sink.skipSummary())
        .containsExactly("MALFORMED_ROW@3", "MALFORMED_ROW@5", "EMPTY_TEXT@6", "INVALID_UTF8@7");
    assertThat(sink.reviews)
        .extracting(RawReview::sourceId, RawReview::position, RawReview::text)
        .containsExactly(
            tuple("b-1", 2, "Good row one."),
            tuple("b-3", 4, "Good row after the bad quote."),
            tuple("b-7", 8, "Last good row, quoted."));

    Run run = ingest(file);
    assertThat(run.report().reviews()).isEqualTo(3);
    assertThat(run.report().skipped())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                SkipReason.MALFORMED_ROW, 2L,
                SkipReason.EMPTY_TEXT, 1L,
                SkipReason.INVALID_UTF8, 1L));
    assertThat(run.ids()).containsExactly("b-1", "b-3", "b-7");
  }

  @Test
  void unbalancedQuoteRunningToTheEndOfFileCostsOnlyItsOwnRow() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("eof.csv"),
            """
            text,critic
            First fine row.,Una Pratt
            "Opened and never closed,Vic Amari
            Third fine row.,Wes Doyle
            Fourth fine row.,Xia Lund
            """);

    CollectingSink sink = new CollectingSink();
    new CsvReviewReader(ColumnMapping.DEFAULT, null).read(file, sink);

    assertThat(sink.skipSummary()).containsExactly("MALFORMED_ROW@3");
    assertThat(sink.reviews)
        .extracting(RawReview::critic, RawReview::position)
        .containsExactly(tuple("Una Pratt", 2), tuple("Wes Doyle", 4), tuple("Xia Lund", 5));
  }

  @Test
  void blankLinesDoNotShiftReportedLineNumbers() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("gaps.csv"),
            """
            text,critic
            First fine row.,Una Pratt

            Second fine row.,Wes Doyle


            ,Empty Text
            "Never closed,Vic Amari
            Last fine row.,Xia Lund
            """);

    CollectingSink sink = new CollectingSink();
    new CsvReviewReader(ColumnMapping.DEFAULT, null).read(file, sink);

    assertThat(sink.skipSummary()).containsExactly("EMPTY_TEXT@7", "MALFORMED_ROW@8");
    assertThat(sink.reviews)
        .extracting(RawReview::critic, RawReview::position)
        .containsExactly(tuple("Una Pratt", 2), tuple("Wes Doyle", 4), tuple("Xia Lund", 9));
  }

  @Test
  void crlfLineEndingsAndAByteOrderMarkAreRead() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("windows.csv"),
            "\uFEFFtext,critic\r\nFirst fine row.,Una Pratt\r\n\"Two\r\nlines.\",Wes Doyle\r\n"
                + "Third fine row.,Xia Lund\r\n");

    CollectingSink sink = new CollectingSink();
    new CsvReviewReader(ColumnMapping.DEFAULT, null).read(file, sink);

    assertThat(sink.skips).isEmpty();
    assertThat(sink.reviews)
        .extracting(RawReview::text, RawReview::position)
        .containsExactly(
            tuple("First fine row.", 2), tuple("Two lines.", 3), tuple("Third fine row.", 5));
  }

  @Test
  void scoresInExportsAreReadInExportContext() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("bare.csv"),
            """
            text,score
            Seven of what?,7
            Clearly a percentage.,85
            """);

    Run run = ingest(file);

    assertThat(run.reviews())
        .extracting(Review::scoreRaw, Review::score)
        .containsExactly(tuple("7", null), tuple("85", 85));
    assertThat(run.reviews().get(0).sentimentSource()).isEqualTo(SentimentSource.MODEL);
    assertThat(run.report().notes()).containsExactly(Map.entry("unreadable score", 1L));
  }
}
