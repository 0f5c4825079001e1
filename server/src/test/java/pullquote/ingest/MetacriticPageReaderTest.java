package pullquote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static pullquote.ingest.IngestTestSupport.fixture;
import static pullquote.ingest.IngestTestSupport.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.ingest.IngestTestSupport.CollectingSink;
import pullquote.ingest.IngestTestSupport.Run;
import pullquote.sentiment.RatingScale;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

class MetacriticPageReaderTest {

  private static final Path PUSHER = Path.of("sample-data/pusher.txt");
  private static final LocalDate JULY_15_2013 = LocalDate.of(2013, 7, 15);

  @TempDir Path dir;

  @Test
  void seedPageYieldsElevenReviewsOfTheWorkNamedByItsFile() {
    Run run = ingest(PUSHER);

    assertThat(run.reviews()).hasSize(11);
    assertThat(run.reviews()).extracting(Review::work).containsOnly("Pusher");
    assertThat(run.reviews()).extracting(Review::source).containsOnly("pusher.txt");
    assertThat(run.report().reviews()).isEqualTo(11);
    assertThat(run.report().filesRead()).isEqualTo(1);
    assertThat(run.report().skippedTotal()).isZero();
    assertThat(run.report().notes()).isEmpty();
    assertThat(run.report().problems()).isEmpty();
  }

  @Test
  void seedPageDistributionGivesNinePositiveTwoMixedNoNegative() {
    Run run = ingest(PUSHER);

    assertThat(run.report().bySentiment())
        .containsExactlyInAnyOrderEntriesOf(Map.of(Sentiment.POSITIVE, 9L, Sentiment.MIXED, 2L));
    assertThat(run.report().bySource())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(SentimentSource.PAGE, 10L, SentimentSource.SCORE, 1L));
    assertThat(run.reviews())
        .filteredOn(r -> r.sentiment() == Sentiment.MIXED)
        .extracting(Review::critic, Review::sentimentSource, Review::position)
        .containsExactly(
            tuple("Wendy Richmond", SentimentSource.PAGE, 35),
            tuple("Anita Gates", SentimentSource.PAGE, 38));
    assertThat(run.reviews()).extracting(Review::sentimentConfidence).containsOnlyNulls();
  }

  @Test
  void seedPageCriticsAreCleanedAndUncreditedOnesAreNull() {
    Run run = ingest(PUSHER);

    assertThat(run.reviews())
        .extracting(Review::critic)
        .containsExactly(
            "Noel Murray",
            null,
            null,
            "Dennis Lim",
            "Robert Abele",
            "Gunnar Rehlin",
            "V.A. Musetto",
            "Ethan Gilsdorf",
            "Andrew O'Hehir",
            "Wendy Richmond",
            "Anita Gates");
    assertThat(run.reviews()).extracting(Review::publication).containsOnlyNulls();
  }

  @Test
  void bareScoreEntryHasNoCriticNoDateAndTakesItsSentimentFromTheScore() {
    Review second = ingest(PUSHER).reviews().get(1);

    assertThat(second.critic()).isNull();
    assertThat(second.date()).isNull();
    assertThat(second.scoreRaw()).isEqualTo("80");
    assertThat(second.score()).isEqualTo(80);
    assertThat(second.sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(second.sentimentSource()).isEqualTo(SentimentSource.SCORE);
    assertThat(second.position()).isEqualTo(12);
    assertThat(second.text())
        .startsWith("Each film in Nicolas Winding Refn's mesmerizingly brutal Pusher trilogy")
        .endsWith("sympathetic heroes (or anti-heroes) in another.");
  }

  @Test
  void seedPageDatesAndPositionsAreThoseOfEachEntry() {
    Run run = ingest(PUSHER);

    assertThat(run.reviews())
        .extracting(Review::position)
        .containsExactly(9, 12, 14, 17, 20, 23, 26, 29, 32, 35, 38);
    assertThat(run.reviews())
        .extracting(Review::date)
        .containsExactly(
            JULY_15_2013,
            null,
            JULY_15_2013,
            JULY_15_2013,
            JULY_15_2013,
            JULY_15_2013,
            JULY_15_2013,
            JULY_15_2013,
            JULY_15_2013,
            JULY_15_2013,
            JULY_15_2013);
    assertThat(run.reviews())
        .filteredOn(r -> r.critic() != null || r.position() != 12)
        .extracting(Review::scoreRaw, Review::score)
        .containsOnly(tuple(null, null));
  }

  @Test
  void seedPageTextKeepsTypographyAsPublished() {
    Run run = ingest(PUSHER);

    assertThat(run.reviews().get(3).text())
        .isEqualTo(
            "As botched-drug-deal tales go, Pusher digs surprisingly deep\u2014 its surface"
                + " clich\u00e9s give way to an existential despair that finally swallows the"
                + " movie whole.");
    assertThat(run.reviews().get(8).text())
        .contains("a fairly standard \u201990s crime saga")
        .contains("the film\u2019s haunting and ambiguous conclusion.");
    assertThat(run.reviews().get(9).text()).contains("some clich\u00e9d set pieces");
    assertThat(run.reviews().get(0).text())
        .isEqualTo(
            "As Refn counts down the days and ratchets up the tension, Pusher shifts from a"
                + " subdued lowlife sketch, with lots of raunchy conversation between Buric and"
                + " his horndog ex-con buddy Mads Mikkelsen, to a nail-biting look at a man"
                + " running out of options.");
  }

  @Test
  void idsAreStableAcrossRunsAndDistinct() throws Exception {
    Run first = ingest(PUSHER);
    Run second = ingest(PUSHER);

    assertThat(first.ids()).hasSize(11).doesNotHaveDuplicates();
    assertThat(second.ids()).isEqualTo(first.ids());
    assertThat(first.ids()).allMatch(id -> id.matches("r[0-9a-f]{16}"));

    Review noel = first.reviews().get(0);
    String key = String.join("\u0000", "Pusher", "Noel Murray", "null", noel.text());
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    assertThat(noel.id()).isEqualTo("r" + HexFormat.of().formatHex(Arrays.copyOf(digest, 8)));
  }

  @Test
  void workOverrideReplacesTheDerivedWorkAndSoTheIds() {
    Run plain = ingest(PUSHER);
    Run overridden = ingest(new IngestOptions("Pusher (1996)", null), PUSHER);

    assertThat(overridden.reviews()).hasSize(11);
    assertThat(overridden.reviews()).extracting(Review::work).containsOnly("Pusher (1996)");
    assertThat(overridden.ids()).doesNotContainAnyElementsOf(plain.ids());
  }

  @Test
  void titleLineBeforeTheVerdictNamesTheWork() {
    Run run = ingest(fixture("titled-page.txt"));

    assertThat(run.reviews()).extracting(Review::work).containsOnly("Sleeper Train (2019)");
    assertThat(run.reviews())
        .extracting(Review::critic)
        .containsExactly("Lotte Brandvik", "Amos Teague", "Cass Mbeki");
    assertThat(run.reviews())
        .extracting(Review::sentiment)
        .containsExactly(Sentiment.POSITIVE, Sentiment.MIXED, Sentiment.NEGATIVE);
    assertThat(run.reviews())
        .extracting(Review::sentimentSource)
        .containsOnly(SentimentSource.PAGE);
    assertThat(run.reviews())
        .extracting(Review::date)
        .containsExactly(
            LocalDate.of(2020, 2, 3), LocalDate.of(2020, 2, 4), LocalDate.of(2020, 2, 5));
    assertThat(run.reviews()).extracting(Review::position).containsExactly(11, 14, 17);
  }

  @Test
  void workOverrideBeatsThePageTitle() {
    Run run = ingest(new IngestOptions("Night Carriage", null), fixture("titled-page.txt"));

    assertThat(run.reviews()).extracting(Review::work).containsOnly("Night Carriage");
  }

  private static final String THREE_ENTRY_PAGE =
      """
      Universal acclaim - based on 3 Critics

      Critic score distribution:
        1. Positive: 3 out of 3
        2. Negative: 0 out of 3

      Critic Reviews

        1. %s
          A cold little film about cold little people.
        2. Reviewed by: Juno Castellan
          Mar 1, 2021
          Nothing here lands, and the jokes land least of all.
        3. Reviewed by: Pell Okafor
          Mar 2, 2021
          A tidy thriller with a few sharp turns.
      """;

  @Test
  void distributionThatFitsTheShownScoresIsUsedForUnscoredEntries() throws Exception {
    Path page = Files.writeString(dir.resolve("agreeing.txt"), THREE_ENTRY_PAGE.formatted("90"));

    Run run = ingest(page);

    assertThat(run.reviews())
        .extracting(Review::sentiment, Review::sentimentSource)
        .containsExactly(
            tuple(Sentiment.POSITIVE, SentimentSource.SCORE),
            tuple(Sentiment.POSITIVE, SentimentSource.PAGE),
            tuple(Sentiment.POSITIVE, SentimentSource.PAGE));
    assertThat(run.report().notes()).isEmpty();
  }

  @Test
  void distributionContradictedByAShownScoreIsNotUsedForAnyEntry() throws Exception {
    Path page = Files.writeString(dir.resolve("disagreeing.txt"), THREE_ENTRY_PAGE.formatted("20"));

    Run run = ingest(page);

    assertThat(run.reviews()).hasSize(3);
    assertThat(run.reviews())
        .extracting(Review::sentimentSource)
        .containsExactly(SentimentSource.SCORE, SentimentSource.MODEL, SentimentSource.MODEL);
    assertThat(run.reviews().get(0).sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(run.reviews().get(0).score()).isEqualTo(20);
    assertThat(run.reviews().subList(1, 3))
        .allSatisfy(r -> assertThat(r.sentimentConfidence()).isNotNull());
    assertThat(run.report().notes()).containsExactly(Map.entry("page distribution ignored", 1L));
    assertThat(run.report().problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isZero();
              assertThat(p.skipped()).isFalse();
              assertThat(p.file()).isEqualTo(page.toString());
            });
  }

  @Test
  void distributionWhoseCountsDoNotMatchTheEntriesIsNotUsed() throws Exception {
    Path page =
        Files.writeString(
            dir.resolve("miscounted.txt"),
            THREE_ENTRY_PAGE.formatted("90").replace("0 out of 3", "1 out of 3"));

    Run run = ingest(page);

    assertThat(run.reviews())
        .extracting(Review::sentimentSource)
        .containsExactly(SentimentSource.SCORE, SentimentSource.MODEL, SentimentSource.MODEL);
    assertThat(run.report().notes()).containsOnlyKeys("page distribution ignored");
  }

  @Test
  void entryWithoutTextIsSkippedAtItsLineAndTheOthersAreRead() throws Exception {
    String content =
        """
        Generally favorable reviews - based on 3 Critics

        Critic Reviews

          1. Reviewed by: Tamsin Roe
            Apr 9, 2018
            Warm, funny and sharper than it first appears.
          2. Reviewed by: Iker Basoa
            Apr 10, 2018
          3. 70
            Slight, but it knows exactly what it is.
        """;
    Path page = Files.writeString(dir.resolve("gappy_page.txt"), content);

    CollectingSink sink = new CollectingSink();
    new MetacriticPageReader(null).read(page, sink);

    assertThat(sink.skipSummary()).containsExactly("EMPTY_TEXT@8");
    assertThat(sink.skips.get(0).detail()).isEqualTo("entry 2 has no review text");
    assertThat(sink.reviews)
        .extracting(RawReview::critic, RawReview::position, RawReview::scoreRaw)
        .containsExactly(tuple("Tamsin Roe", 5, null), tuple(null, 10, "70"));
    assertThat(sink.reviews).extracting(RawReview::work).containsOnly("Gappy Page");
    assertThat(sink.reviews)
        .extracting(RawReview::scoreContext)
        .containsOnly(RatingScale.Context.PAGE);

    Run run = ingest(page);
    assertThat(run.report().reviews()).isEqualTo(2);
    assertThat(run.report().skipped()).containsExactly(Map.entry(SkipReason.EMPTY_TEXT, 1L));
    assertThat(run.report().problems())
        .extracting(IngestProblem::toString)
        .containsExactly(page + ":8: skipped (empty text): entry 2 has no review text");
  }

  @Test
  void entryWithInvalidUtf8IsSkippedAndTheOthersAreRead() throws Exception {
    byte[] head =
        """
        Generally favorable reviews - based on 2 Critics

          1. Reviewed by: Tamsin Roe
            Warm and funny.
          2. Reviewed by: Iker Basoa
            Broken\
        """
            .getBytes(StandardCharsets.UTF_8);
    byte[] bad = {(byte) 0xC3, (byte) 0x28};
    byte[] tail = " bytes.\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + bad.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bad, 0, all, head.length, bad.length);
    System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
    Path page = Files.write(dir.resolve("bytes.txt"), all);

    CollectingSink sink = new CollectingSink();
    new MetacriticPageReader(null).read(page, sink);

    assertThat(sink.skipSummary()).containsExactly("INVALID_UTF8@5");
    assertThat(sink.reviews).extracting(RawReview::critic).containsExactly("Tamsin Roe");
  }
}
