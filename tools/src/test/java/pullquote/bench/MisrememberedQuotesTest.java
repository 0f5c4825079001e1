package pullquote.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.testing.TestIndexes;

class MisrememberedQuotesTest extends RelevanceIndexTest {

  /** Queries of several seeds, so every kind is seen changing many quotes. */
  static List<RelevanceQuery> many;

  @BeforeAll
  static void drawMany() {
    many = LongStream.rangeClosed(1, 6).boxed().flatMap(seed -> draw(3, seed).stream()).toList();
  }

  private static List<RelevanceQuery> of(QuoteKind kind) {
    List<RelevanceQuery> found = many.stream().filter(q -> q.kind() == kind).toList();
    assertThat(found).as(kind.key()).hasSize(18);
    return found;
  }

  @Test
  void theSameSeedDrawsTheSameQueries() {
    assertThat(draw(3, 7)).isEqualTo(draw(3, 7)).isNotEqualTo(draw(3, 8));
  }

  @Test
  void anotherBuildOfTheSameReviewsInAnotherOrderDrawsTheSameQueries(@TempDir Path other)
      throws IOException {
    TestIndexes.build(other, TestIndexes.MISREMEMBERED, TestIndexes.EXTRA, TestIndexes.SEED);
    try (LiveIndex reordered = TestIndexes.open(other)) {
      List<RelevanceQuery> drawn =
          reordered.withSnapshot(
              snapshot -> {
                try {
                  return MisrememberedQuotes.of(snapshot.searcher()).draw(3, 7);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      assertThat(drawn).isEqualTo(draw(3, 7));
    }
  }

  @Test
  void everyKindGetsItsShareInKindOrder() {
    List<RelevanceQuery> queries = draw(3, 7);
    Map<QuoteKind, Long> perKind =
        queries.stream()
            .collect(Collectors.groupingBy(RelevanceQuery::kind, Collectors.counting()));
    assertThat(perKind)
        .hasSize(QuoteKind.values().length)
        .allSatisfy((k, n) -> assertThat(n).isEqualTo(3));
    assertThat(queries).extracting(RelevanceQuery::kind).isSorted();
  }

  @Test
  void quotesAreThreeToSixWordsOfTheirReviewAsTyped() {
    for (RelevanceQuery q : many) {
      assertThat(q.quote()).as(q.toString()).hasSizeBetween(3, 6);
      assertThat(q.quote()).allSatisfy(w -> assertThat(w).containsPattern("\\p{L}"));
      assertThat(Collections.indexOfSubList(QuoteWords.of(q.target().text()), q.quote()))
          .as(q.toString())
          .isNotNegative();
    }
  }

  @Test
  void quotesOccurAsPhrasesOnlyInReviewsWithTheTargetsText() throws Exception {
    QueryBuilder phrases = new QueryBuilder(ReviewAnalyzers.forPhrases());
    for (RelevanceQuery q : many) {
      List<String> texts =
          withSearcher(
              searcher -> {
                var found =
                    searcher.search(
                        phrases.createPhraseQuery(ReviewFields.TEXT, String.join(" ", q.quote())),
                        100);
                List<String> all = new ArrayList<>();
                for (ScoreDoc hit : found.scoreDocs) {
                  all.add(searcher.storedFields().document(hit.doc).get(ReviewFields.TEXT));
                }
                return all;
              });
      assertThat(texts).as(q.toString()).isNotEmpty().containsOnly(q.target().text());
    }
  }

  @Test
  void aSwapExchangesTwoAdjacentDifferentWords() {
    for (RelevanceQuery q : of(QuoteKind.SWAP)) {
      List<Integer> changed = changedPositions(q);
      assertThat(changed).as(q.toString()).hasSize(2);
      int at = changed.get(0);
      assertThat(changed.get(1)).isEqualTo(at + 1);
      assertThat(q.quote().get(at)).isNotEqualTo(q.quote().get(at + 1));
      assertThat(q.typed().get(at)).isEqualTo(q.quote().get(at + 1));
      assertThat(q.typed().get(at + 1)).isEqualTo(q.quote().get(at));
    }
  }

  @Test
  void anInflectionIsAnotherWordOfTheSameStemThatTheIndexHolds() {
    for (RelevanceQuery q : of(QuoteKind.INFLECTION)) {
      int at = onlyChange(q);
      String word = q.quote().get(at);
      String inflection = q.typed().get(at);
      assertThat(stem(inflection)).as(q.toString()).isEqualTo(stem(word));
      assertThat(inflection).isNotEqualTo(word).matches("[a-z]+");
      assertThat(docFreq(inflection)).as(inflection).isPositive();
    }
  }

  @Test
  void aTypoIsOneDamerauEditInAWordOfFourLettersOrMore() {
    for (RelevanceQuery q : of(QuoteKind.TYPO)) {
      int at = onlyChange(q);
      String word = q.quote().get(at);
      assertThat(word).as(q.toString()).matches("[a-z]{4,}");
      assertThat(TyposTest.damerau(word, q.typed().get(at))).as(q.toString()).isEqualTo(1);
    }
  }

  @Test
  void aSubstituteIsACommonWordTheReviewDoesNotHold() {
    for (RelevanceQuery q : of(QuoteKind.SUBSTITUTE)) {
      String substitute = q.typed().get(onlyChange(q));
      assertThat(substitute).as(q.toString()).matches("[a-z]{3,}");
      assertThat(stems(q.target().text())).as(q.toString()).doesNotContain(stem(substitute));
      assertThat(docFreq(substitute)).isPositive();
    }
  }

  @Test
  void aSurnameIsTheCriticsLastNameAfterTheQuote() {
    for (RelevanceQuery q : of(QuoteKind.SURNAME)) {
      String critic = critic(q.target().id());
      assertThat(q.typed()).as(q.toString()).hasSize(q.quote().size() + 1);
      assertThat(q.typed().subList(0, q.quote().size())).isEqualTo(q.quote());
      String surname = q.typed().get(q.quote().size());
      assertThat(critic.toLowerCase(java.util.Locale.ROOT)).contains(surname);
      assertThat(critic).doesNotEndWith("Staff");
    }
  }

  @Test
  void aSpellingIsTheWordsListedCounterpart() {
    assertOneWordReplacedFromTheList(QuoteKind.SPELLING, Counterparts.SPELLINGS);
  }

  @Test
  void aSynonymIsOneOfTheWordsListedNearSynonyms() {
    assertOneWordReplacedFromTheList(QuoteKind.SYNONYM, Counterparts.SYNONYMS);
  }

  private static void assertOneWordReplacedFromTheList(QuoteKind kind, String list) {
    Counterparts counterparts = Counterparts.load(list);
    for (RelevanceQuery q : of(kind)) {
      int at = onlyChange(q);
      assertThat(counterparts.of(q.quote().get(at))).as(q.toString()).contains(q.typed().get(at));
    }
  }

  @Test
  void theControlsAreTheQuoteAsWrittenPlainAndQuoted() {
    for (RelevanceQuery q : of(QuoteKind.EXACT)) {
      assertThat(q.typed()).isEqualTo(q.quote());
      assertThat(q.text()).isEqualTo(String.join(" ", q.quote()));
    }
    for (RelevanceQuery q : of(QuoteKind.PHRASE)) {
      assertThat(q.typed()).isEqualTo(q.quote());
      assertThat(q.text()).isEqualTo("\"" + String.join(" ", q.quote()) + "\"");
    }
  }

  @Test
  void anIndexTooSmallForAKindSaysSo() {
    assertThatThrownBy(() -> draw(500, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too few reviews")
        .hasMessageContaining("swap");
    assertThatThrownBy(() -> draw(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** The one position where the typed words differ from the quote's. */
  private static int onlyChange(RelevanceQuery q) {
    assertThat(q.typed()).as(q.toString()).hasSameSizeAs(q.quote());
    List<Integer> changed = changedPositions(q);
    assertThat(changed).as(q.toString()).hasSize(1);
    return changed.get(0);
  }

  private static List<Integer> changedPositions(RelevanceQuery q) {
    return IntStream.range(0, q.quote().size())
        .filter(i -> !q.quote().get(i).equals(q.typed().get(i)))
        .boxed()
        .toList();
  }

  /** The Porter stem the index's analysis marks with '§' beside the written word. */
  private static String stem(String word) {
    List<String> stems = stems(word);
    assertThat(stems).as(word).hasSize(1);
    return stems.get(0);
  }

  private static List<String> stems(String text) {
    List<String> stems = new ArrayList<>();
    try (Analyzer analyzer = ReviewAnalyzers.create();
        TokenStream tokens = analyzer.tokenStream(ReviewFields.TEXT, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (term.charAt(0) == '§') {
          stems.add(term.subSequence(1, term.length()).toString());
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return stems;
  }

  private static int docFreq(String word) {
    return withSearcher(
        searcher -> searcher.getIndexReader().docFreq(new Term(ReviewFields.TEXT, word)));
  }

  private static String critic(String id) {
    return withSearcher(
        searcher -> {
          var found = searcher.search(new TermQuery(new Term(ReviewFields.ID, id)), 1);
          return searcher.storedFields().document(found.scoreDocs[0].doc).get(ReviewFields.CRITIC);
        });
  }
}
