package pullquote.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.search.SearchParameters;
import pullquote.search.lucene.LuceneReviewSearchService;
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

  /** The classes the mix had before the typo and relaxed classes, in their order. */
  private static final List<QueryClass> BEFORE_FORGIVING =
      List.of(
          QueryClass.WORD,
          QueryClass.AND,
          QueryClass.OR,
          QueryClass.PHRASE,
          QueryClass.CRITIC,
          QueryClass.SENTIMENT);

  private static final List<String> NAME_FIELDS =
      List.of(ReviewFields.CRITIC_WORDS, ReviewFields.PUBLICATION_WORDS, ReviewFields.WORK_WORDS);

  private interface OnIndex<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private static <T> T onIndex(OnIndex<T> work) {
    return live.withSnapshot(
        snapshot -> {
          try {
            return work.apply(snapshot.searcher());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static List<BenchQuery> draw(int perClass, long seed) {
    return onIndex(searcher -> QueryMix.draw(searcher.getIndexReader(), perClass, seed));
  }

  /** The class's queries of mixes of 5 per class drawn with four seeds: 20 of them. */
  private static List<BenchQuery> drawn(QueryClass kind) {
    List<BenchQuery> queries = new ArrayList<>();
    for (long seed : new long[] {1, 2, 3, 20261122L}) {
      draw(5, seed).stream().filter(q -> q.kind() == kind).forEach(queries::add);
    }
    assertThat(queries).hasSize(20);
    return queries;
  }

  private interface Check {
    void accept(IndexSearcher searcher, BenchQuery q) throws IOException;
  }

  private static void forEachDrawn(QueryClass kind, Check check) {
    List<BenchQuery> queries = drawn(kind);
    onIndex(
        searcher -> {
          for (BenchQuery q : queries) {
            check.accept(searcher, q);
          }
          return null;
        });
  }

  private static void assertInNoName(IndexReader reader, String word, BenchQuery q)
      throws IOException {
    for (String field : NAME_FIELDS) {
      assertThat(reader.docFreq(new Term(field, word))).as(q + " " + field).isZero();
    }
  }

  /** How many reviews have every word in their text, written or by stem, as AND searches it. */
  private static int reviewsWithAll(IndexSearcher searcher, List<String> words) throws IOException {
    var text = new QueryBuilder(ReviewAnalyzers.create());
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    words.forEach(
        w -> all.add(text.createBooleanQuery(ReviewFields.TEXT, w, Occur.MUST), Occur.MUST));
    return searcher.count(all.build());
  }

  @Test
  void theSameSeedDrawsTheSameMix() {
    assertThat(draw(4, 7)).isEqualTo(draw(4, 7)).isNotEqualTo(draw(4, 8));
  }

  @Test
  void anotherBuildOfTheSameReviewsInAnotherOrderDrawsTheSameMix(@TempDir Path other)
      throws IOException {
    TestIndexes.build(other, TestIndexes.EXTRA, TestIndexes.SEED);
    try (LiveIndex reordered = TestIndexes.open(other)) {
      List<BenchQuery> drawn =
          reordered.withSnapshot(
              snapshot -> {
                try {
                  return QueryMix.draw(snapshot.searcher().getIndexReader(), 4, 7);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      assertThat(drawn).isEqualTo(draw(4, 7));
    }
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
  void theClassesOfBeforeDrawTheSameQueriesAsBeforeAndTheNewOnesComeLast() {
    assertThat(List.of(QueryClass.values()).subList(0, BEFORE_FORGIVING.size()))
        .isEqualTo(BEFORE_FORGIVING);
    for (long seed : new long[] {3, 5, 7, 11, 20261122L}) {
      List<BenchQuery> before =
          onIndex(s -> QueryMix.draw(s.getIndexReader(), 4, seed, BEFORE_FORGIVING));
      assertThat(draw(4, seed).subList(0, before.size())).as("seed " + seed).isEqualTo(before);
    }
  }

  @Test
  void interleavingTakesOneQueryOfEachClassInTurn() {
    List<BenchQuery> mix = draw(3, 5);
    List<QueryClass> kinds = QueryMix.interleaved(mix, 3).stream().map(BenchQuery::kind).toList();
    List<QueryClass> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      expected.addAll(List.of(QueryClass.values()));
    }
    assertThat(kinds).isEqualTo(expected);
    assertThat(QueryMix.interleaved(mix, 3)).containsExactlyInAnyOrderElementsOf(mix);
  }

  @Test
  void aTypoIsOneSlipFromAWordOfItsReviewAndNoWordOfTheIndex() {
    forEachDrawn(
        QueryClass.TYPO,
        (searcher, q) -> {
          String typo = q.misspelt();
          String meant = q.typo().meant();
          var reader = searcher.getIndexReader();
          assertThat(reader.docFreq(new Term(ReviewFields.TEXT, typo))).as(q.toString()).isZero();
          assertInNoName(reader, typo, q);
          // not found by its stem either: the words as typed find nothing
          assertThat(reviewsWithAll(searcher, List.of(typo))).as(q.toString()).isZero();
          assertThat(TyposTest.damerau(meant, typo)).as(q.toString()).isEqualTo(1);
          assertThat(typo).hasSizeGreaterThanOrEqualTo(QueryMix.TYPO_MIN_LETTERS);
          assertThat(typo.charAt(0)).isEqualTo(meant.charAt(0));
          assertThat(typo.charAt(typo.length() - 1)).isEqualTo(meant.charAt(meant.length() - 1));
          // the word meant and the other word are words of one review
          BooleanQuery.Builder both = new BooleanQuery.Builder();
          for (String word : List.of(meant, q.typedRight())) {
            both.add(new TermQuery(new Term(ReviewFields.TEXT, word)), Occur.MUST);
          }
          assertThat(searcher.count(both.build())).as(q.toString()).isPositive();
        });
  }

  @Test
  void theRelaxedWordsAreInNoReviewTogetherNorInAnyName() {
    forEachDrawn(
        QueryClass.RELAXED,
        (searcher, q) -> {
          assertThat(reviewsWithAll(searcher, q.words())).as(q.toString()).isZero();
          assertThat(reviewsWithAll(searcher, q.words().subList(0, 2)))
              .as(q.toString())
              .isPositive();
          assertThat(reviewsWithAll(searcher, q.words().subList(2, 3)))
              .as(q.toString())
              .isPositive();
          for (String word : q.words()) {
            assertInNoName(searcher.getIndexReader(), word, q);
          }
        });
  }

  @Test
  void ourSearchTakesTheTypoAndTheRelaxedPaths() {
    for (BenchQuery q : drawn(QueryClass.TYPO)) {
      var answer = search.search(q.request(false));
      assertThat(answer.total()).as(q.toString()).isPositive();
      assertThat(answer.relaxed()).as(q.toString()).isNull();
      assertThat(answer.expansions())
          .as(q.toString())
          .anySatisfy(
              e -> {
                assertThat(e.word()).isEqualTo(q.misspelt());
                assertThat(e.kind()).isEqualTo("typo");
                assertThat(e.forms()).contains(q.typo().meant());
              });
    }
    for (BenchQuery q : drawn(QueryClass.RELAXED)) {
      var answer = search.search(q.request(true));
      assertThat(answer.total()).as(q.toString()).isPositive();
      assertThat(answer.relaxed()).as(q.toString()).isNotNull();
    }
  }

  @Test
  void aSlipSwapsOrDropsInnerLettersAndKeepsFiveOfThem() {
    Random random = new Random(1);
    for (String word : List.of("mixes", "camerawork", "little", "hello")) {
      for (int i = 0; i < 50; i++) {
        String slip = QueryMix.slip(word, random);
        assertThat(slip).isNotEqualTo(word).hasSizeGreaterThanOrEqualTo(5);
        assertThat(TyposTest.damerau(word, slip)).as(slip).isEqualTo(1);
        assertThat(slip)
            .startsWith(word.substring(0, 1))
            .endsWith(word.substring(word.length() - 1));
      }
    }
    assertThat(QueryMix.slip("mixes", new Random(2))).hasSize(5);
    // nothing inner to swap that would change it, and too short to drop a letter
    assertThat(QueryMix.slip("baaab", random)).isNull();
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
        case TYPO -> {
          assertThat(q.words()).hasSize(2);
          assertThat(q.typo()).isNotNull();
          assertThat(q.q()).isEqualTo(String.join(" ", q.words()));
        }
        case RELAXED -> assertThat(q.words()).hasSize(3).doesNotHaveDuplicates();
      }
      if (q.kind() != QueryClass.TYPO) {
        assertThat(q.typo()).isNull();
      }
    }
  }

  /**
   * Raw Lucene counts what our layer counts for the classes that read the words as typed; a typo or
   * three words no review has are forgiven differently (Lucene's fuzzy query and a minimum of two
   * words against our typo neighbours and relaxation), so there both only find reviews.
   */
  @Test
  void rawLuceneFindsWhatOurLayerFinds() {
    // On a fixture this small every search finds "few" reviews, where names and near-synonyms join
    // the words; the floor reads words as typed, as our search does when they find enough.
    var asTyped =
        new pullquote.search.lucene.LuceneReviewSearchService(
            live,
            ReviewAnalyzers.create(),
            pullquote.search.lucene.LuceneReviewSearchService.DEFAULT_BUDGET,
            new pullquote.search.Forgiveness(5, 9, 50, 1, 0));
    for (BenchQuery q : draw(3, 5)) {
      long ours = search.search(q.request(false)).total();
      long raw = raw(q, false);
      if (BEFORE_FORGIVING.contains(q.kind())) {
        assertThat(raw).as(q.toString()).isEqualTo(asTyped.search(q.request(false)).total());
      } else {
        assertThat(raw).as(q.toString()).isPositive();
        assertThat(ours).as(q.toString()).isPositive();
        // facets and highlights of a fuzzy query and of a minimum of words
        assertThat(raw(q, true)).as(q.toString()).isGreaterThan(raw);
      }
    }
  }

  private static long raw(BenchQuery q, boolean page) {
    return live.withSnapshot(
        snapshot -> {
          try {
            return new RawLuceneSearch(
                    snapshot.searcher(), snapshot::facetState, ReviewAnalyzers.create())
                .run(q, page);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Test
  void aZeroCountIsRefused() {
    assertThatThrownBy(() -> draw(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
