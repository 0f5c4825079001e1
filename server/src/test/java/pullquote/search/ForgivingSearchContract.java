package pullquote.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import pullquote.sentiment.Sentiment;
import pullquote.testing.Requests;

/**
 * The forgiving search box on a handwritten fixture: one review meant by each misremembered query,
 * pinned by id, and what stays strict. Every backend must read the box this way: one subclass per
 * backend says how it holds the fixture.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ForgivingSearchContract {

  public static final Path FIXTURE =
      Path.of("server", "src", "test", "resources", "fixtures", "search", "forgiving.jsonl");

  protected ReviewSearchService search;

  /** Holds the fixture's reviews; called once, before any test. */
  protected abstract void open(Path fixture) throws Exception;

  /** A service over the fixture, forgiving as asked. */
  protected abstract ReviewSearchService service(Forgiveness forgiveness);

  @BeforeAll
  void openBackend() throws Exception {
    open(FIXTURE);
    search = service(Forgiveness.DEFAULT);
  }

  private SearchResponse q(String q) {
    return search.search(SearchRequest.of(q));
  }

  /** A service that tries typo neighbours below this many reviews found as typed. */
  private SearchResponse q(String q, int typosBelow) {
    return service(new Forgiveness(5, 9, 50, typosBelow, 0)).search(SearchRequest.of(q));
  }

  private static List<String> ids(SearchResponse response) {
    return response.hits().stream().map(ReviewHit::id).toList();
  }

  @Test
  void swappedWordsFindTheReview() {
    assertThat(ids(q("cool-looking some monsters"))).containsExactly("f-monsters");
  }

  @Test
  void anotherInflectionFindsTheReview() {
    assertThat(ids(q("a touching endings"))).containsExactly("f-monsters");
  }

  @Test
  void aWordPutInForAnotherStillFindsTheReviewByTheRest() {
    // "charm" is in another review, so no review has all six words
    SearchResponse r = q("a sharp comedy with enough charm");
    assertThat(r.relaxed().minMatch()).isEqualTo(5);
    assertThat(ids(r).getFirst()).isEqualTo("f-comedy");
  }

  @Test
  void aTypoInALongWordStillFindsTheReviewAndSaysWhatItMeant() {
    SearchResponse r = q("some cool-looking mnsters");
    assertThat(ids(r)).containsExactly("f-monsters");
    assertThat(r.expansions()).contains(new Expansion("mnsters", "typo", List.of("monsters")));
    assertThat(r.didYouMean()).isEqualTo("some cool-looking monsters");
    assertThat(r.relaxed()).isNull();
  }

  @Test
  void aTypoNeighbourMatchesItsInflectionsAsTheWordWould() {
    // "monste" is one edit from "monster", which the review has only as "monsters"
    SearchResponse r = q("some cool-looking monste");
    assertThat(ids(r)).containsExactly("f-monsters");
    assertThat(r.relaxed()).isNull();
  }

  @Test
  void anExactMatchOutranksAFuzzyOneThatScoresHigher() {
    // "hosts" is one edit from "ghosts", in a shorter text that says "drab" four times
    assertThat(ids(q("drab ghosts", 5))).containsExactly("f-ghosts", "f-hosts");
  }

  @Test
  void wordsThatFindEnoughReviewsAreNotExpanded() {
    SearchResponse r = q("drab ghosts", 1);
    assertThat(ids(r)).containsExactly("f-ghosts");
    assertThat(r.expansions()).isEmpty();
    assertThat(r.didYouMean()).isNull();
  }

  @Test
  void aShortWordGetsNoTypoAndIsLeftOutWhenNothingHasIt() {
    SearchResponse r = q("drab hsts");
    assertThat(r.relaxed()).isEqualTo(new Relaxation(List.of("hsts"), 1, List.of("hsts")));
    assertThat(ids(r)).containsExactlyInAnyOrder("f-hosts", "f-ghosts", "f-monsters-drab");
    assertThat(ids(r).getFirst()).isEqualTo("f-hosts");
  }

  @Test
  void withoutAReviewHavingAllWordsTheOnesWithMostOfThemAnswer() {
    SearchResponse r = q("sharp comedy toothless");
    assertThat(r.relaxed())
        .isEqualTo(new Relaxation(List.of("sharp", "comedy", "toothless"), 2, List.of()));
    assertThat(ids(r)).containsExactlyInAnyOrder("f-comedy", "f-comedy-other");
    assertThat(r.total()).isEqualTo(2);
  }

  @Test
  void aBoxWithAFieldTermOrAPhraseIsRelaxedInItsWordsAlone() {
    SearchResponse critic = q("critic:shore sharp comedy toothless");
    assertThat(critic.relaxed())
        .isEqualTo(new Relaxation(List.of("sharp", "comedy", "toothless"), 2, List.of()));
    assertThat(ids(critic)).containsExactly("f-comedy-other");
    SearchResponse phrase = q("\"a sharp comedy\" toothless linger");
    assertThat(phrase.relaxed())
        .isEqualTo(new Relaxation(List.of("toothless", "linger"), 1, List.of()));
    assertThat(ids(phrase)).containsExactly("f-comedy");
  }

  @Test
  void aWordWithTypoNeighboursDoesNotLiftTheReviewsThatHaveItAboveOnesWithAsManyWords() {
    // "zeppelin" has a typo neighbour, "zeppelins"; both reviews have three of the four words
    SearchResponse r = q("quartz marmalade lanterns zeppelin");
    assertThat(r.relaxed().minMatch()).isEqualTo(3);
    assertThat(ids(r)).containsExactly("f-lanterns", "f-zeppelin");
  }

  @Test
  void reviewsWithMoreOfTheWordsRankFirst() {
    // one review has three of the four words, others two or one
    SearchResponse r = q("sharp comedy with toothless");
    assertThat(r.relaxed().minMatch()).isEqualTo(3);
    assertThat(ids(r)).containsExactly("f-comedy");
  }

  @Test
  void aQueryWithResultsForAllWordsIsAnsweredAsTyped() {
    SearchResponse r = q("sharp comedy");
    assertThat(r.relaxed()).isNull();
    assertThat(ids(r)).containsExactly("f-comedy");
  }

  @Test
  void wordsStandingTogetherInTheTypedOrderRankAboveScatteredOnes() {
    assertThat(ids(q("a story that essentially"))).containsExactly("f-story", "f-story-scattered");
  }

  @Test
  void aSurnameTypedWithTheQuoteFindsThatCriticsReview() {
    SearchResponse r = q("computer-animated insect movie westhoff");
    assertThat(ids(r)).containsExactly("f-bug");
    assertThat(r.relaxed()).isNull();
  }

  @Test
  void aCriticsNameInTheBoxIsOfferedAsAFilterAndTextMentionsComeFirst() {
    SearchResponse r = q("roger EBERT");
    assertThat(r.suggestedFilters())
        .containsExactly(new SuggestedFilter("critic", "Roger Ebert", 3));
    assertThat(ids(r).getFirst()).isEqualTo("f-ebert-mention");
    assertThat(r.total()).isEqualTo(4);
  }

  @Test
  void aWorksTitleInTheBoxIsOfferedAsAFilterUnlessAlreadyFiltered() {
    assertThat(q("Monster Parade").suggestedFilters())
        .containsExactly(new SuggestedFilter("work", "Monster Parade", 3));
    SearchRequest filtered =
        SearchParameters.parse(
            java.util.Map.of("q", List.of("monster parade"), "work", List.of("Monster Parade")));
    assertThat(search.search(filtered).suggestedFilters()).isEmpty();
  }

  @Test
  void britishAndAmericanSpellingsFindEachOther() {
    SearchResponse colour = q("a colorful splash");
    assertThat(ids(colour).getFirst()).isEqualTo("f-colour");
    assertThat(colour.expansions())
        .contains(new Expansion("colorful", "spelling", List.of("colourful")));
    assertThat(ids(q("night at the theatre"))).containsExactly("f-theater");
  }

  @Test
  void aWordTheIndexHasOnlyInItsOtherSpellingIsNotLeftOutWhenRelaxing() {
    // the fixture says "theater" only; "zebras" is nowhere
    SearchResponse r = q("night at the theatre zebras");
    assertThat(r.relaxed()).isEqualTo(new Relaxation(List.of("zebras"), 4, List.of("zebras")));
    assertThat(ids(r)).containsExactly("f-theater");
    assertThat(r.didYouMean()).isNull();
  }

  @Test
  void aNearSynonymFromTheListFindsTheCriticsWord() {
    SearchResponse r = q("a quietly devastating movie about grief");
    assertThat(ids(r)).containsExactly("f-film");
    assertThat(r.expansions())
        .anyMatch(e -> e.kind().equals("synonym") && e.word().equals("movie"));
  }

  @Test
  void quotedPhrasesPrefixesAndFieldTermsStayExact() {
    for (String strict : List.of("\"colorful splash\"", "mnst*", "critic:ebrt", "\"drab ghost\"")) {
      SearchResponse r = q(strict);
      assertThat(r.total()).as(strict).isZero();
      assertThat(r.expansions()).as(strict).isEmpty();
      assertThat(r.relaxed()).as(strict).isNull();
    }
  }

  @Test
  void anExcludedWordIsNeverForgiven() {
    assertThat(ids(q("comedy -toothless"))).containsExactly("f-comedy");
    // a typo in an excluded word excludes nothing, rather than something like it
    assertThat(ids(q("comedy -tootless"))).containsExactlyInAnyOrder("f-comedy", "f-comedy-other");
  }

  @Test
  void didYouMeanReplacesOnlyTheUnknownWordWhereItWasTyped() {
    SearchResponse r = q("GLORUS stunt");
    assertThat(r.didYouMean()).isEqualTo("glorious stunt");
    assertThat(ids(r)).containsExactly("f-ebert-1");
  }

  @Test
  void relaxedSearchesPageWithTheirCursor() {
    SearchRequest first = Requests.after(SearchRequest.of("sharp comedy toothless"), null, 1);
    SearchResponse one = search.search(first);
    SearchResponse two =
        search.search(
            Requests.after(SearchRequest.of("sharp comedy toothless"), one.nextCursor(), 1));
    assertThat(ids(one)).hasSize(1);
    assertThat(ids(two)).hasSize(1).doesNotContainAnyElementsOf(ids(one));
    assertThat(two.relaxed()).isEqualTo(one.relaxed());
  }

  @Test
  void aSentimentTickWithNoneOfTheHitsShowsNoneRatherThanRelaxing() {
    SearchRequest negative =
        SearchRequest.filtered("sharp comedy", List.of(), Set.of(Sentiment.NEGATIVE));
    SearchResponse r = search.search(negative);
    assertThat(r.total()).isZero();
    assertThat(r.relaxed()).isNull();
    assertThat(r.facets().all("sentiment").get("positive")).isEqualTo(1);
  }
}
