package pullquote.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pullquote.bench.RelevanceBenchmark.Row;
import pullquote.bench.RelevanceBenchmark.Scored;
import pullquote.testing.TestIndexes;

class RelevanceBenchmarkTest extends RelevanceIndexTest {

  private static final Hit TARGET = new Hit("t", "a text");
  private static final Hit OTHER = new Hit("o", "another text");

  private static RelevanceQuery query(QuoteKind kind) {
    return new RelevanceQuery(kind, List.of("a", "b", "c"), List.of("a", "b", "c"), TARGET);
  }

  /** An engine that answers each kind as told. */
  private static RankingEngine answering(Map<QuoteKind, RankedAnswer> answers) {
    return q -> answers.getOrDefault(q.kind(), new RankedAnswer(List.of(), 0));
  }

  @Test
  void rowsCountEachKindThenTheMisrememberedTogetherThenTheControls() throws Exception {
    var ours =
        answering(
            Map.of(
                QuoteKind.SWAP, new RankedAnswer(List.of(TARGET), 1),
                QuoteKind.TYPO, new RankedAnswer(List.of(OTHER, OTHER, TARGET), 3),
                QuoteKind.EXACT, new RankedAnswer(List.of(TARGET), 1)));
    var theirs = answering(Map.of(QuoteKind.SWAP, new RankedAnswer(List.of(OTHER), 5)));
    List<RelevanceQuery> queries =
        List.of(
            query(QuoteKind.SWAP),
            query(QuoteKind.SWAP),
            query(QuoteKind.TYPO),
            query(QuoteKind.SURNAME),
            query(QuoteKind.EXACT));
    List<Scored> scored = new RelevanceBenchmark(ours, theirs).run(queries);
    List<Row> rows = RelevanceBenchmark.rows(scored);

    assertThat(rows)
        .extracting(Row::kind)
        .containsExactly(
            "swap",
            "inflection",
            "typo",
            "substitute",
            "surname",
            "spelling",
            "synonym",
            RelevanceBenchmark.ALL_MISREMEMBERED,
            "exact",
            "phrase");
    Row swap = rows.get(0);
    assertThat(swap.queries()).isEqualTo(2);
    assertThat(swap.pullquote()).isEqualTo(new RelevanceBenchmark.Rates(1, 1, 0));
    assertThat(swap.baseline()).isEqualTo(new RelevanceBenchmark.Rates(0, 0, 0));
    Row all = rows.get(7);
    assertThat(all.queries()).as("controls are left out").isEqualTo(4);
    assertThat(all.pullquote()).isEqualTo(new RelevanceBenchmark.Rates(0.5, 0.75, 0.25));
    assertThat(all.baseline()).isEqualTo(new RelevanceBenchmark.Rates(0, 0, 0.5));
    assertThat(rows.get(8).queries()).isEqualTo(1);
    assertThat(rows.get(9).queries()).isZero();
    assertThat(scored.get(2).pullquoteTop()).isEqualTo(OTHER);
    assertThat(scored.get(3).pullquoteTop()).isNull();
  }

  @Test
  void bothEnginesFindTheQuotedPhraseOfAReviewReadTwiceAsOneReview() {
    List<Scored> scored =
        withSearcher(
            searcher -> {
              var bench =
                  new RelevanceBenchmark(
                      new ServiceEngine(TestIndexes.service(live)),
                      new ClassicParserBaseline(searcher));
              List<String> quote = List.of("the", "neighbor", "next", "door");
              return bench.run(
                  List.of(
                      new RelevanceQuery(QuoteKind.PHRASE, quote, quote, REALIZE),
                      new RelevanceQuery(QuoteKind.EXACT, quote, quote, REALIZE)));
            });
    for (Scored s : scored) {
      // the fixture has the review twice, under two ids: ingest merged them into one
      assertThat(s.pullquote().rank()).as(s.query().text()).isEqualTo(1);
      assertThat(s.pullquote().total()).isEqualTo(1);
      assertThat(s.baseline().rank()).isEqualTo(1);
    }
    assertThat(scored.get(1).baseline().total())
        .as("OR finds every review with 'the'")
        .isGreaterThan(1);
  }

  @Test
  void theBaselineEscapesEverythingButThePhrasesQuotes() {
    List<String> words = List.of("cool-looking", "film's", "(sort", "of)", "and/or", "rock:roll");
    assertThat(
            ClassicParserBaseline.syntax(new RelevanceQuery(QuoteKind.EXACT, words, words, TARGET)))
        .isEqualTo("cool\\-looking film's \\(sort of\\) and\\/or rock\\:roll");
    assertThat(
            ClassicParserBaseline.syntax(
                new RelevanceQuery(QuoteKind.PHRASE, words, words, TARGET)))
        .startsWith("\"cool\\-looking")
        .endsWith("rock\\:roll\"");
  }
}
