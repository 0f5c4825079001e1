package pullquote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static pullquote.ingest.IngestTestSupport.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs found in review to break ingest: each now costs at most its own record. */
class ReviewFindingsRegressionTest {

  @TempDir Path dir;

  @Test
  void aDecimalAtTheStartOfATextLineDoesNotStartAnEntry() throws Exception {
    Path page =
        Files.writeString(
            dir.resolve("long_film.txt"),
            """
            Mixed or average reviews - based on 2 Critics

            Critic Reviews

              1. Reviewed by: Ann Example
                Mar 1, 2020
                It runs long.
                2.5 hours of it drag.
              2. Reviewed by: Bob Bad
                Mar 2, 2020
                Bad fun.
            """);
    IngestTestSupport.Run run = ingest(page);
    assertThat(run.reviews()).extracting(Review::critic).containsExactly("Ann Example", "Bob Bad");
    assertThat(run.reviews().get(0).text()).isEqualTo("It runs long. 2.5 hours of it drag.");
  }

  @Test
  void anOverlongNameSkipsOnlyItsRow() throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("names.csv"),
            "id,critic,text\n1,Ann,Fine work.\n2,"
                + "x".repeat(40_000)
                + ",Huge critic.\n3,Cy,Also fine.\n");
    IngestTestSupport.Run run = ingest(csv);
    assertThat(run.reviews()).extracting(Review::id).containsExactly("1", "3");
    assertThat(run.report().skipped()).containsExactly(Map.entry(SkipReason.MALFORMED_ROW, 1L));
    assertThat(run.report().problems().get(0).toString())
        .contains("names.csv:3")
        .contains("critic is 40000 characters long");
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstLine() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path jsonl = dir.resolve("bom.jsonl");
    Files.write(jsonl, bom);
    Files.writeString(
        jsonl,
        "{\"id\":\"b1\",\"work\":\"Drive\",\"text\":\"Cool and tense.\"}\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Path page = dir.resolve("bom_page.txt");
    Files.write(page, bom);
    Files.writeString(
        page,
        "Drive\nGenerally favorable reviews - based on 1 Critic\n\nCritic Reviews\n\n  1. Reviewed by: Ann Example\n    Sleek.\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    IngestTestSupport.Run run = ingest(jsonl, page);
    assertThat(run.report().skippedTotal()).isZero();
    assertThat(run.reviews()).extracting(Review::work).containsExactly("Drive", "Drive");
  }

  @Test
  void absurdCriticCountsDoNotFailTheFile() throws Exception {
    Path page =
        Files.writeString(
            dir.resolve("absurd.txt"),
            "Generally favorable reviews - based on 99999999999 Critics\n\nCritic Reviews\n\n  1. Reviewed by: Ann\n    Fine.\n");
    IngestTestSupport.Run run = ingest(page);
    assertThat(run.report().skipped()).doesNotContainKey(SkipReason.UNREADABLE_FILE);
  }

  @Test
  void aQuoteClosedManyLinesLaterDoesNotMergeRows() throws Exception {
    StringBuilder csv = new StringBuilder("id,critic,text\n1,Ann,\"bad\n");
    for (int i = 2; i < 80; i++) {
      csv.append(i).append(",Critic ").append(i).append(",Good row ").append(i).append(".\n");
    }
    csv.append("80,Cy,ends with 12\"\n81,Dee,Last row.\n");
    Path file = Files.writeString(dir.resolve("merged.csv"), csv);
    IngestTestSupport.Run run = ingest(file);
    // Row 80's stray quote is literal text in an unquoted field, as CSV has it.
    assertThat(run.report().skipped()).containsExactly(Map.entry(SkipReason.MALFORMED_ROW, 1L));
    assertThat(run.report().problems().get(0).toString())
        .contains("merged.csv:2")
        .contains("runs over");
    assertThat(run.reviews())
        .extracting(Review::id)
        .contains("2", "79", "80", "81")
        .doesNotContain("1");
    assertThat(run.reviews()).hasSize(80);
  }

  @Test
  void anUnclosedQuoteDoesNotBufferTheWholeFile() throws Exception {
    String filler = "word ".repeat(1000) + "\n";
    StringBuilder csv = new StringBuilder("id,critic,text\n1,Ann,\"never closed ");
    csv.append(filler.repeat(300));
    Path file = Files.writeString(dir.resolve("unclosed.csv"), csv + "2,Bob,After it.\n");
    IngestTestSupport.Run run = ingest(file);
    assertThat(run.report().problems().get(0).detail()).contains("longer than");
    assertThat(run.reviews()).extracting(Review::id).containsExactly("2");
  }
}
