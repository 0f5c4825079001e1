package pullquote.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import pullquote.index.LiveIndex;
import pullquote.index.ReviewAnalyzers;
import pullquote.search.Expansion;
import pullquote.search.Forgiveness;
import pullquote.search.ForgivingSearchContract;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchParameters;
import pullquote.testing.TestIndexes;

/**
 * Whatever is typed, the forgiving readings stay bounded: each word matches at most {@code
 * maxExpansions} typo neighbours, a query's terms stay under a fixed bound however many words it
 * has, and a relaxed search answers without an error.
 */
class ForgivingBoundsPropertiesTest {

  private static Path dir;
  private static LiveIndex live;
  private static ReviewSearchService search;

  @BeforeContainer
  static void buildIndex() throws Exception {
    dir = Files.createTempDirectory("forgiving-bounds");
    TestIndexes.build(dir, ForgivingSearchContract.FIXTURE, TestIndexes.SEED);
    live = TestIndexes.open(dir);
    search = TestIndexes.service(live);
  }

  @AfterContainer
  static void close() throws Exception {
    live.close();
    pullquote.index.IndexLayout.deleteTree(dir);
  }

  private final ReviewQueryBuilder builder =
      new ReviewQueryBuilder(ReviewAnalyzers.create(), new Forgiveness(1, 2, 50, 1, 1));

  /** Every word of these is a typo or two from many indexed words, at the loosest settings. */
  @Provide
  Arbitrary<String> boxText() {
    Arbitrary<String> atoms =
        Arbitraries.oneOf(
            Arbitraries.of(
                "drab",
                "dab",
                "the",
                "a",
                "mnsters",
                "colour",
                "movie",
                "theatre",
                "ebert",
                "roger",
                "e",
                "ee",
                "-drab",
                "\"drab ghosts\"",
                "OR",
                "(",
                ")",
                "x*",
                "critic:e"),
            Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(12));
    return atoms.list().ofMaxSize(300).map(parts -> String.join(" ", parts));
  }

  @Property(tries = 300)
  void forgivingAndRelaxedReadingsStayBounded(@ForAll("boxText") String q) {
    var request =
        SearchParameters.parse(Map.of("q", List.of(q.length() > 4000 ? q.substring(0, 4000) : q)));
    live.withSnapshot(
        snapshot -> {
          var lexicon = new Lexicon(snapshot.searcher().getIndexReader());
          for (Reading reading :
              List.of(Reading.FORGIVING, Reading.FORGIVING.relaxed(Set.of("mnsters"), 1))) {
            var built = builder.build(request, lexicon, reading);
            assertThat(built.expansions())
                .allSatisfy(e -> assertThat(e.forms()).hasSizeLessThanOrEqualTo(Expansion.SHOWN));
            assertThat(QueryTerms.count(built.query())).isLessThanOrEqualTo(MAX_TERMS);
          }
          return null;
        });
    // the whole cascade (as typed, forgiving, relaxed levels) answers rather than failing
    assertThatCode(() -> search.search(request)).doesNotThrowAnyException();
  }

  /**
   * 256 words or phrases as typed (up to 4 terms each), names and other spellings of the first 32
   * words (3 + 6), typo neighbours and near-synonyms of the first 16 (50 + 8), and 32 proximity
   * clauses of up to 8 words of 8 forms each: bounded however long the query.
   */
  private static final int MAX_TERMS = 256 * 4 + 32 * (3 + 6) + 16 * (50 + 8) + 32 * 8 * 8;
}
