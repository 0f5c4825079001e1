package pullquote.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.search.LuceneReviewSearchService;
import pullquote.search.SearchParameters;
import pullquote.testing.TestIndexes;

class QueryMixTest {

  @TempDir static Path dir;
  static LiveIndex live;
  static LuceneReviewSearchService search;

  @BeforeAll
  static void build() throws Exception {
    TestIndexes.build(dir.resolve("index"), TestIndexes.SEED, TestIndexes.EXTRA);
    live = TestIndexes.open(dir.resolve("index"));
    search = TestIndexes.service(live);
  }

  @AfterAll
  static void close() throws Exception {
    live.close();
  }

  private static List<BenchQuery> draw(int perClass, long seed) {
    return live.withSnapshot(
        snapshot -> {
          try {
            return QueryMix.draw(snapshot.searcher().getIndexReader(), perClass, seed);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  @Test
  void theSameSeedDrawsTheSameMix() {
    assertThat(draw(4, 7)).isEqualTo(draw(4, 7)).isNotEqualTo(draw(4, 8));
  }

  @Test
  void everyClassGetsTheAskedNumberOfQueriesInClassOrder() {
    List<BenchQuery> mix = draw(4, 7);
    Map<QueryClass, Long> perClass =
        mix.stream().collect(Collectors.groupingBy(BenchQuery::kind, Collectors.counting()));
    assertThat(perClass)
        .hasSize(QueryClass.values().length)
        .allSatisfy((k, n) -> assertThat(n).isEqualTo(4));
    assertThat(mix).extracting(BenchQuery::kind).isSorted();
  }

  @Test
  void everyDrawnQueryFindsReviewsInOurLayerAndOverTheApiSyntax() {
    for (BenchQuery q : draw(4, 11)) {
      assertThat(search.search(q.request(true)).total()).as(q.toString()).isPositive();
      var params =
          java.util.Arrays.stream(q.queryString(false).split("&"))
              .map(p -> p.split("=", 2))
              .collect(
                  Collectors.groupingBy(
                      p -> p[0],
                      Collectors.mapping(
                          p ->
                              java.net.URLDecoder.decode(
                                  p[1], java.nio.charset.StandardCharsets.UTF_8),
                          Collectors.toList())));
      var parsed = SearchParameters.parse(params);
      assertThat(parsed.facets()).isFalse();
      assertThat(search.search(parsed).total()).as(q.toString()).isPositive();
    }
  }

  @Test
  void queriesHaveTheShapeOfTheirClass() {
    for (BenchQuery q : draw(4, 3)) {
      switch (q.kind()) {
        case WORD -> assertThat(q.words()).hasSize(1);
        case AND -> assertThat(q.words()).hasSizeBetween(2, 3).doesNotHaveDuplicates();
        case OR -> assertThat(q.q()).contains(" OR ");
        case PHRASE -> assertThat(q.q()).startsWith("\"").endsWith("\"");
        case CRITIC -> assertThat(q.critic()).isNotBlank();
        case SENTIMENT -> assertThat(q.sentiment()).isNotNull();
      }
    }
  }

  @Test
  void rawLuceneFindsWhatOurLayerFinds() throws Exception {
    for (BenchQuery q : draw(3, 5)) {
      long ours = search.search(q.request(false)).total();
      long raw =
          live.withSnapshot(
              snapshot -> {
                try {
                  var lucene =
                      new RawLuceneSearch(
                          snapshot.searcher(),
                          snapshot::facetState,
                          pullquote.index.ReviewAnalyzers.create());
                  return lucene.run(q, false);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      assertThat(raw).as(q.toString()).isEqualTo(ours);
    }
  }

  @Test
  void aZeroCountIsRefused() {
    assertThatThrownBy(() -> draw(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
