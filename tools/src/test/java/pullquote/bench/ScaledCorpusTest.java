package pullquote.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.ingest.IngestOptions;
import pullquote.ingest.IngestProgress;
import pullquote.ingest.Ingestor;
import pullquote.ingest.Json;
import pullquote.ingest.Review;
import pullquote.ingest.SentimentResolver;
import pullquote.sentiment.LinearSentimentModel;

class ScaledCorpusTest {

  @TempDir static Path dir;
  static Path source;

  @BeforeAll
  static void writeSource() throws Exception {
    source =
        Files.writeString(
            dir.resolve("source.csv"),
            """
            work_id,work_title,critic,publication,original_score,label,text
            w1,Tin Lanterns,Ann Ode,Harbor Weekly,3/4,positive,"Warm and funny. The cast shines!"
            w1,Tin Lanterns,Bo Reyes,Inland Review,,negative,"A slog. It drags on and on."
            w2,Grey Tide,Cy Marr,Coastline Arts,B+,positive,"Sharp, tense and humane."
            w2,Grey Tide,,Harbor Weekly,C-,negative,"Muddled. Nobody seems to care."
            """);
  }

  private static String generate(long rows, long seed) throws Exception {
    StringWriter out = new StringWriter();
    ScaledCorpus.from(source).write(rows, seed, out);
    return out.toString();
  }

  @Test
  void theSameSeedGivesTheSameCorpusAndAnotherSeedAnother() throws Exception {
    assertThat(generate(500, 42)).isEqualTo(generate(500, 42)).isNotEqualTo(generate(500, 43));
  }

  @Test
  void rowsReachTheWriterAsTheyAreMade() throws Exception {
    long[] calls = {0};
    long[] chars = {0};
    Writer counting =
        new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) {
            calls[0]++;
            chars[0] += length;
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    ScaledCorpus.from(source).write(200_000, 1, counting);
    // Many small writes, at least one a row: nothing is gathered before it is written.
    assertThat(calls[0]).isGreaterThanOrEqualTo(200_000);
    assertThat(chars[0]).isGreaterThan(200_000L * 40);
  }

  @Test
  void everyRowIsAValidReviewThatIngestReadsWithoutOptions() throws Exception {
    Path corpus = dir.resolve("scaled.csv");
    Files.writeString(corpus, generate(2_000, 7), StandardCharsets.UTF_8);
    List<Review> reviews = new java.util.ArrayList<>();
    var report =
        new Ingestor(
                new SentimentResolver(LinearSentimentModel.bundled()),
                Json.newMapper(),
                IngestOptions.DEFAULT)
            .ingest(List.of(corpus), reviews::add, IngestProgress.NONE);
    assertThat(report.skippedTotal()).isZero();
    // From a source this small, rows repeat a review (its work, critic and text): ingest merges
    // those, and every row is still found under its id.
    long merged = report.notes().getOrDefault("duplicate copies merged", 0L);
    assertThat(reviews.size() + merged).isEqualTo(2_000);
    assertThat(reviews).extracting(Review::work).containsOnly("Tin Lanterns", "Grey Tide");
    assertThat(reviews).allMatch(r -> !r.text().isBlank());
    assertThat(reviews)
        .allMatch(r -> r.date() != null && !r.date().isBefore(LocalDate.of(1995, 1, 1)));
    assertThat(
            reviews.stream()
                .flatMap(r -> Stream.concat(Stream.of(r.id()), r.aliases().stream()))
                .distinct()
                .count())
        .isEqualTo(2_000);
    // Sentences are recombined within a work, never across works.
    assertThat(reviews.stream().filter(r -> r.work().equals("Grey Tide")))
        .allMatch(r -> !r.text().contains("Warm and funny") && !r.text().contains("slog"));
  }
}
