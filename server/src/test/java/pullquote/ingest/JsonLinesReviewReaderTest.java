package pullquote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static pullquote.ingest.IngestTestSupport.fixture;
import static pullquote.ingest.IngestTestSupport.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.ingest.IngestTestSupport.CollectingSink;
import pullquote.ingest.IngestTestSupport.Run;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

class JsonLinesReviewReaderTest {

  @TempDir Path dir;

  @Test
  void apiFieldNamesLandOnTheReview() {
    Path file = fixture("api-reviews.jsonl");

    Run run = ingest(file);

    assertThat(run.report().skippedTotal()).isZero();
    assertThat(run.report().notes()).isEmpty();
    assertThat(run.reviews())
        .extracting(
            Review::id,
            Review::work,
            Review::critic,
            Review::publication,
            Review::date,
            Review::position)
        .containsExactly(
            tuple(
                "j-1",
                "Glass Orchard",
                "Rosa Vell",
                "Tin Roof Review",
                LocalDate.of(2022, 10, 14),
                1),
            tuple(
                "j-2", "Glass Orchard", "Ned Iwu", "Quarry Gazette", LocalDate.of(2022, 10, 15), 2),
            tuple("j-3", "Glass Orchard", null, "Ferry Notes", null, 3));
    assertThat(run.reviews())
        .extracting(Review::scoreRaw, Review::score, Review::sentiment, Review::sentimentSource)
        .containsExactly(
            tuple("85", 85, Sentiment.POSITIVE, SentimentSource.SCORE),
            tuple("2/4", 50, Sentiment.MIXED, SentimentSource.SCORE),
            tuple(null, null, Sentiment.NEGATIVE, SentimentSource.LABEL));
    assertThat(run.reviews().get(1).text())
        .isEqualTo("Half of a fine film, and half of a dull one.");
  }

  @Test
  void numericScoreWithoutScoreRawIsAlreadyOutOf100() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("scores.jsonl"),
            """
            {"text":"Numeric eighty-five.","score":85}
            {"text":"Numeric seven.","score":7}
            {"text":"String seven.","score":"7"}
            {"text":"String eighty-five.","score":"85"}
            """);

    Run run = ingest(file);

    assertThat(run.reviews())
        .extracting(Review::scoreRaw, Review::score)
        .containsExactly(tuple("85", 85), tuple("7", 7), tuple("7", null), tuple("85", 85));
    assertThat(run.reviews()).extracting(Review::work).containsOnly("Scores");
    assertThat(run.report().notes()).containsExactly(Map.entry("unreadable score", 1L));
  }

  @Test
  void aNumberNoDoubleHoldsIsKeptAsWrittenAndReportedNeverInfinity() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("huge.jsonl"),
            """
            {"text":"Off the scale.","score":1e999999}
            {"text":"A decimal.","score":72.5}
            """);

    Run run = ingest(file);

    assertThat(run.reviews())
        .extracting(Review::scoreRaw, Review::score)
        .containsExactly(tuple("1E+999999", null), tuple("72.5", 73));
    assertThat(run.report().notes()).containsExactly(Map.entry("unreadable score", 1L));
  }

  @Test
  void badLinesAreSkippedWithReasonAndLineAndGoodLinesAreRead() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("mixed_bag.jsonl"),
            """
            {"id":"k-1","work":"Paper Moons","critic":"Lia Ferro","text":"Winningly odd."}
            {"id":"k-2","work":"Paper Moons","text":
            ["not","an","object"]

            {"id":"k-3","work":"Paper Moons","text":"   "}
            {"id":"k-4","work":"Paper Moons","critic":"Staff","text":"Sweet, slight, forgettable."}
            null
            {"id":"k-5","work":"Paper Moons"}
            {"id":"k-6","work":"Paper Moons","text":"Ends well.","date":"2000-01-01"}
            """);

    CollectingSink sink = new CollectingSink();
    new JsonLinesReviewReader(Json.newMapper(), null).read(file, sink);

    assertThat(sink.skipSummary())
        .containsExactly(
            "INVALID_JSON@2", "INVALID_JSON@3", "EMPTY_TEXT@5", "INVALID_JSON@7", "EMPTY_TEXT@8");
    assertThat(sink.reviews)
        .extracting(RawReview::sourceId, RawReview::critic, RawReview::position)
        .containsExactly(
            tuple("k-1", "Lia Ferro", 1), tuple("k-4", null, 6), tuple("k-6", null, 9));
    assertThat(sink.warnings).containsExactly("placeholder date@9");

    Run run = ingest(file);
    assertThat(run.report().reviews()).isEqualTo(3);
    assertThat(run.report().skipped())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(SkipReason.INVALID_JSON, 3L, SkipReason.EMPTY_TEXT, 2L));
    assertThat(run.report().notes()).containsExactly(Map.entry("placeholder date", 1L));
    assertThat(run.ids()).containsExactly("k-1", "k-4", "k-6");
  }

  @Test
  void invalidUtf8LineIsSkipped() throws Exception {
    byte[] good = "{\"text\":\"Fine.\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bad = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'};
    byte[] all = new byte[good.length * 2 + bad.length];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    System.arraycopy(good, 0, all, good.length + bad.length, good.length);
    Path file = Files.write(dir.resolve("bytes.jsonl"), all);

    CollectingSink sink = new CollectingSink();
    new JsonLinesReviewReader(Json.newMapper(), null).read(file, sink);

    assertThat(sink.skipSummary()).containsExactly("INVALID_UTF8@2");
    assertThat(sink.reviews).extracting(RawReview::position).containsExactly(1, 3);
  }
}
