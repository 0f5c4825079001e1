package pullquote.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import pullquote.index.ReviewAnalyzers;
import pullquote.search.InvalidParameterException;
import pullquote.search.QuerySyntax;
import pullquote.search.SearchParameters;

/**
 * Whatever is typed into the search box becomes a bounded Lucene query or a clear parameter error;
 * the parser recovers from broken syntax instead of failing.
 */
class QueryBuilderPropertiesTest {

  private final ReviewQueryBuilder builder = new ReviewQueryBuilder(ReviewAnalyzers.create());

  @Property(tries = 3000)
  void anyTextBuildsABoundedQueryOrAParameterError(@ForAll("boxText") String q) {
    ReviewQueryBuilder.Built built;
    try {
      built = builder.build(SearchParameters.parse(Map.of("q", List.of(q))));
    } catch (InvalidParameterException e) {
      assertThat(e.code()).isNotBlank();
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(built.query()).isNotNull();
    assertThat(QueryTerms.count(built.query())).isLessThanOrEqualTo(QuerySyntax.MAX_TERMS * 8 + 16);
  }

  /** Short unquoted words, field terms, prefixes and operators: no phrase spans many words. */
  private static final List<String> OTHERS =
      List.of("critic:x", "work:x", "go*", "é", "OR", "-", "(", ")", "NOT");

  private static final List<String> PLAIN = List.of("good", "fun", "dull");

  @Property(tries = 200)
  void wordsPastTheCapAddNoTerms(@ForAll("manyWords") String q) {
    int perWord =
        java.util.stream.Stream.concat(PLAIN.stream(), OTHERS.stream())
            .mapToInt(w -> QueryTerms.count(build(w).query()))
            .max()
            .orElseThrow();
    ReviewQueryBuilder.Built built = build(q);
    assertThat(built.warnings()).contains("used the first 256 words and phrases; ignored the rest");
    // each word's own terms, and a term a word of each proximity clause
    assertThat(QueryTerms.count(built.query()))
        .isLessThanOrEqualTo(
            QuerySyntax.MAX_TERMS * perWord + WordClauses.MAX_PROXIMITY * WordClauses.RUN_WORDS);
  }

  @Provide
  Arbitrary<String> manyWords() {
    // 260-300 plain words with up to 100 other atoms between them: over the cap, under 4,000
    // characters
    return Combinators.combine(
            Arbitraries.of(PLAIN).list().ofMinSize(260).ofMaxSize(300),
            Arbitraries.of(OTHERS).list().ofMaxSize(100))
        .as(
            (plain, others) -> {
              List<String> words = new java.util.ArrayList<>(plain);
              for (int i = 0; i < others.size(); i++) {
                words.add((i * 7) % words.size(), others.get(i));
              }
              return String.join(" ", words);
            });
  }

  private ReviewQueryBuilder.Built build(String q) {
    return builder.build(SearchParameters.parse(Map.of("q", List.of(q))));
  }

  @Property(tries = 2000)
  void parsingNeverFails(@ForAll String q) {
    QuerySyntax.Parsed parsed = QuerySyntax.parse(q);
    assertThat(parsed.warnings()).doesNotContainNull();
  }

  @Provide
  Arbitrary<String> boxText() {
    Arbitrary<String> atoms =
        Arbitraries.of(
            "good",
            "not",
            "AND",
            "OR",
            "NOT",
            "-",
            "+",
            "\"",
            "(",
            ")",
            "*",
            "go*",
            "*go",
            "~3",
            "~",
            ":",
            "critic:",
            "work:x",
            "sentiment:",
            "publication:\"",
            "é",
            "\\",
            "'s",
            " ");
    return Arbitraries.oneOf(
        atoms.list().ofMaxSize(40).map(parts -> String.join(" ", parts)),
        atoms.list().ofMaxSize(40).map(parts -> String.join("", parts)),
        Arbitraries.strings().ofMaxLength(300),
        Arbitraries.just("(".repeat(200) + "a" + ")".repeat(200)),
        Arbitraries.just("a ".repeat(2000)));
  }
}
