package pullquote.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import pullquote.sentiment.Sentiment;
import pullquote.testing.Requests;

/**
 * Pinned expectations on the seed page (counts, top hits, facets, highlights, paging and errors),
 * which every backend must meet: one subclass per backend says how it holds the seed page. No test
 * here needs a backend to differ: Solr scores each shard by its own term statistics (its default,
 * kept for speed: see solrconfig.xml), which changes no pinned order on the seed page's two shards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SeedSearchContract {

  protected ReviewSearchService search;

  /** A service over the backend holding exactly the seed page's reviews. */
  protected abstract ReviewSearchService openSeed() throws Exception;

  @BeforeAll
  void openBackend() throws Exception {
    search = openSeed();
  }

  protected SearchResponse q(String q) {
    return search.search(SearchRequest.of(q));
  }

  private List<String> critics(SearchResponse response) {
    return response.hits().stream().map(ReviewHit::critic).toList();
  }

  protected SearchRequest request(
      String q,
      List<String> critics,
      Set<Sentiment> sentiments,
      SortOrder sort,
      int size,
      String cursor) {
    return Requests.after(
        Requests.sortedBy(SearchRequest.filtered(q, critics, sentiments), sort), cursor, size);
  }

  @Test
  void emptyQueryListsAllElevenReviews() {
    SearchResponse all = q("");
    assertThat(all.total()).isEqualTo(11);
    assertThat(all.hits()).hasSize(10);
    assertThat(all.nextCursor()).isNotNull();
  }

  @Test
  void sentimentFacetCountsNinePositiveTwoMixed() {
    assertThat(q("").facets().all("sentiment"))
        .containsExactly(
            Map.entry("positive", 9L), Map.entry("mixed", 2L), Map.entry("negative", 0L));
  }

  @Test
  void aMisspeltWordFindsItsReview() {
    SearchResponse typo = q("hornodg");
    assertThat(typo.total()).isEqualTo(1);
    assertThat(typo.expansions())
        .containsExactly(new Expansion("hornodg", "typo", List.of("horndog")));
    assertThat(typo.didYouMean()).isEqualTo("horndog");
  }

  @Test
  void wordsNoReviewHasTogetherFindTheReviewsWithMostOfThemAndSaySo() {
    SearchResponse unknownWord = q("raunchy horndog zebra");
    assertThat(unknownWord.relaxed()).isNotNull();
    assertThat(unknownWord.relaxed().unknown()).containsExactly("zebra");
    assertThat(unknownWord.relaxed().optional()).containsExactly("zebra");
    assertThat(unknownWord.relaxed().minMatch()).isEqualTo(2);
    assertThat(unknownWord.hits().getFirst().text()).contains("raunchy").contains("horndog");
    SearchResponse apart = q("raunchy imitation");
    assertThat(apart.relaxed()).isNotNull();
    assertThat(apart.relaxed().optional()).containsExactly("raunchy", "imitation");
    assertThat(apart.relaxed().minMatch()).isEqualTo(1);
    assertThat(apart.total()).isEqualTo(q("raunchy OR imitation").total());
    assertThat(q("raunchy horndog").relaxed()).isNull();
  }

  @Test
  void aBoxThatIsACriticsWholeNameOffersTheFilterOnIt() {
    assertThat(q("  noel MURRAY ").suggestedFilters())
        .containsExactly(new SuggestedFilter("critic", "Noel Murray", 1));
    assertThat(q("murray").suggestedFilters()).isEmpty();
    assertThat(q("critic:murray").suggestedFilters()).isEmpty();
    SearchResponse filtered =
        search.search(
            request(
                "noel murray", List.of("Noel Murray"), Set.of(), SortOrder.RELEVANCE, 10, null));
    assertThat(filtered.suggestedFilters()).isEmpty();
  }

  @Test
  void phraseRunningOutOfOptionsFindsOnlyNoelMurray() {
    SearchResponse r = q("\"running out of options\"");
    assertThat(r.total()).isEqualTo(1);
    assertThat(critics(r)).containsExactly("Noel Murray");
  }

  @Test
  void phrasesMatchTheWrittenWordsNotTheirStems() {
    assertThat(q("\"ratchets up\"").total()).isEqualTo(1);
    assertThat(q("\"ratchet up\"").total()).isZero();
    assertThat(q("ratchet up").total()).isEqualTo(1);
  }

  @Test
  void nextCursorIsNullOnAnExactlyFullLastPage() {
    assertThat(
            search
                .search(request("", List.of(), Set.of(), SortOrder.RELEVANCE, 11, null))
                .nextCursor())
        .isNull();
    assertThat(
            search
                .search(request("", List.of(), Set.of(), SortOrder.RELEVANCE, 10, null))
                .nextCursor())
        .isNotNull();
  }

  @Test
  void hugeAndDeeplyNestedQueriesAreRecoveredNotFailed() {
    SearchResponse many = q("refn ".repeat(300));
    assertThat(many.total()).isEqualTo(7);
    assertThat(many.warnings()).contains("used the first 256 words and phrases; ignored the rest");
    SearchResponse deep = q("(".repeat(1000) + "imitation" + ")".repeat(1000));
    assertThat(critics(deep)).containsExactly("Andrew O'Hehir");
    assertThat(deep.warnings()).contains("ignored parentheses nested deeper than 32 levels");
    assertThat(q("NOT ".repeat(900) + "imitation").total()).isEqualTo(1);
  }

  @Test
  void phraseQueryMatchesOnlyExactWordOrder() {
    assertThat(q("\"options of out running\"").total()).isZero();
    assertThat(q("\"options of out running\"~10").total()).isEqualTo(1);
  }

  @Test
  void phraseHighlightMarksThePhraseAndReportsItsOffsets() {
    ReviewHit hit = q("\"running out of options\"").hits().get(0);
    assertThat(hit.highlights().fragments()).hasSize(1);
    assertThat(hit.highlights().fragments().get(0))
        .endsWith("a man <mark>running out of options</mark>.");
    List<String> marked =
        hit.highlights().matches().stream()
            .map(s -> hit.text().substring(s.start(), s.end()))
            .toList();
    assertThat(marked).containsExactly("running out of options");
    List<String> words =
        q("raunchy horndog").hits().get(0).highlights().matches().stream()
            .map(s -> hit.text().substring(s.start(), s.end()))
            .toList();
    assertThat(words).containsExactly("raunchy", "horndog");
  }

  @Test
  void criticFilterNoelMurrayFindsOne() {
    SearchResponse r =
        search.search(request("", List.of("Noel Murray"), Set.of(), SortOrder.RELEVANCE, 10, null));
    assertThat(r.total()).isEqualTo(1);
    assertThat(r.hits().get(0).text()).startsWith("As Refn counts down the days");
  }

  @Test
  void criticFilterIgnoresCaseAndSpacing() {
    assertThat(
            search
                .search(
                    request("", List.of("noel   MURRAY"), Set.of(), SortOrder.RELEVANCE, 10, null))
                .total())
        .isEqualTo(1);
  }

  @Test
  void clicheFindsAllThreeSpellings() {
    SearchResponse r = q("cliche");
    assertThat(r.total()).isEqualTo(3);
    assertThat(critics(r))
        .containsExactlyInAnyOrder("Dennis Lim", "Gunnar Rehlin", "Wendy Richmond");
    assertThat(q("clichés").total()).isEqualTo(3);
  }

  @Test
  void imitationFindsTheOHehirReview() {
    assertThat(critics(q("imitation"))).containsExactly("Andrew O'Hehir");
  }

  @Test
  void criticFilterCombinesWithAPhrase() {
    String phrase = "\"running out of options\"";
    assertThat(
            search
                .search(
                    request(
                        phrase, List.of("Noel Murray"), Set.of(), SortOrder.RELEVANCE, 10, null))
                .total())
        .isEqualTo(1);
    assertThat(
            search
                .search(
                    request(phrase, List.of("Dennis Lim"), Set.of(), SortOrder.RELEVANCE, 10, null))
                .total())
        .isZero();
  }

  @Test
  void sentimentFilterKeepsAllSentimentCountsButNarrowsOtherFacets() {
    SearchResponse r =
        search.search(
            request("", List.of(), Set.of(Sentiment.MIXED), SortOrder.RELEVANCE, 10, null));
    assertThat(r.total()).isEqualTo(2);
    assertThat(critics(r)).containsExactlyInAnyOrder("Wendy Richmond", "Anita Gates");
    assertThat(r.facets().all("sentiment"))
        .containsEntry("positive", 9L)
        .containsEntry("mixed", 2L)
        .containsEntry("negative", 0L);
    assertThat(r.facets().top("critic"))
        .extracting(FacetCounts.FacetValue::value)
        .containsExactlyInAnyOrder("Wendy Richmond", "Anita Gates");
  }

  @Test
  void sentimentFilterIsOrWithinTheFacet() {
    SearchResponse r =
        search.search(
            request(
                "",
                List.of(),
                Set.of(Sentiment.MIXED, Sentiment.NEGATIVE),
                SortOrder.RELEVANCE,
                10,
                null));
    assertThat(r.total()).isEqualTo(2);
  }

  @Test
  void exclusionRemovesReviewsMentioningTheWord() {
    assertThat(critics(q("cliche -refn"))).containsExactly("Dennis Lim");
    assertThat(q("-\"running out of options\"").total()).isEqualTo(10);
  }

  @Test
  void orAndParenthesesCombine() {
    assertThat(q("imitation OR prescience").total()).isEqualTo(2);
    assertThat(q("(imitation OR prescience) tarantino").total()).isEqualTo(1);
  }

  @Test
  void prefixMatchesWordStarts() {
    assertThat(critics(q("imitat*"))).containsExactly("Andrew O'Hehir");
    assertThat(critics(q("running out of opt*"))).contains("Noel Murray");
  }

  @Test
  void fieldTermsSearchCriticSentimentAndWork() {
    assertThat(critics(q("critic:murray"))).containsExactly("Noel Murray");
    assertThat(critics(q("critic:\"noel murray\""))).containsExactly("Noel Murray");
    assertThat(critics(q("critic:mur*"))).containsExactly("Noel Murray");
    assertThat(q("sentiment:mixed").total()).isEqualTo(2);
    assertThat(q("work:pusher").total()).isEqualTo(11);
  }

  @Test
  void brokenSyntaxIsRecoveredWithAWarning() {
    SearchResponse r = q("\"running out of");
    assertThat(critics(r)).contains("Noel Murray");
    assertThat(r.warnings()).anyMatch(w -> w.contains("unclosed quote"));
    assertThat(q("(imitation").warnings()).anyMatch(w -> w.contains("unclosed ("));
    assertThat(q("sentiment:happy").warnings()).anyMatch(w -> w.contains("sentiment:happy"));
  }

  @Test
  void uncreditedAndScoreOnlyEntriesHaveNoCritic() {
    SearchResponse r =
        search.search(request("", List.of(), Set.of(), SortOrder.parse("score:desc"), 1, null));
    ReviewHit top = r.hits().get(0);
    assertThat(top.critic()).isNull();
    assertThat(top.score()).isEqualTo(80);
    assertThat(top.scoreRaw()).isEqualTo("80");
    assertThat(top.sentimentSource()).isEqualTo("score");
    assertThat(critics(q("\"something rotten in Denmark\""))).containsExactly((String) null);
  }

  @Test
  void cursorPagesThroughEveryReviewOnce() {
    assertThat(idsPageByPage(4)).hasSize(11).doesNotHaveDuplicates();
  }

  /** Every review's id, following the cursor from pages of the given size. */
  private List<String> idsPageByPage(int size) {
    return pullquote.testing.TestIndexes.idsPageByPage(
        search, request("", List.of(), Set.of(), SortOrder.RELEVANCE, 10, null), size);
  }

  @Test
  void tiesFollowTheIdHashAndCursorPagesKeepThatOrder() {
    List<String> paged = idsPageByPage(3);
    // A page smaller than the hits: the collector may skip, and the total is counted apart.
    SearchResponse firstPage =
        search.search(request("", List.of(), Set.of(), SortOrder.RELEVANCE, 3, null));
    assertThat(firstPage.total()).isEqualTo(11);
    SearchResponse positive =
        search.search(
            request("", List.of(), Set.of(Sentiment.POSITIVE), SortOrder.RELEVANCE, 2, null));
    assertThat(positive.total()).isEqualTo(9);
    List<String> onePage =
        search
            .search(request("", List.of(), Set.of(), SortOrder.RELEVANCE, 50, null))
            .hits()
            .stream()
            .map(ReviewHit::id)
            .toList();
    List<String> byHash = new ArrayList<>(onePage);
    byHash.sort(
        java.util.Comparator.comparingLong(pullquote.index.ReviewFields::idOrder)
            .thenComparing(java.util.Comparator.naturalOrder()));
    assertThat(onePage).hasSize(11).isEqualTo(byHash);
    assertThat(paged).isEqualTo(onePage);
  }

  @Test
  void aCursorFromASearchOfFiltersIsRefusedOnASearchWithWordsAndTheOtherWayRound() {
    String filtersCursor =
        search.search(request("", List.of(), Set.of(), SortOrder.RELEVANCE, 2, null)).nextCursor();
    String wordsCursor =
        search
            .search(request("the", List.of(), Set.of(), SortOrder.RELEVANCE, 2, null))
            .nextCursor();
    assertThat(filtersCursor).isNotNull();
    assertThat(wordsCursor).isNotNull();
    for (var misuse :
        List.of(
            request("the", List.of(), Set.of(), SortOrder.RELEVANCE, 2, filtersCursor),
            request("", List.of(), Set.of(), SortOrder.RELEVANCE, 2, wordsCursor))) {
      assertThatThrownBy(() -> search.search(misuse))
          .isInstanceOf(InvalidParameterException.class)
          .extracting(e -> ((InvalidParameterException) e).code())
          .isEqualTo("invalid_cursor");
    }
  }

  @Test
  void cursorForAnotherSortIsRejected() {
    String cursor =
        search.search(request("", List.of(), Set.of(), SortOrder.RELEVANCE, 4, null)).nextCursor();
    assertThatThrownBy(
            () ->
                search.search(request("", List.of(), Set.of(), SortOrder.parse("date"), 4, cursor)))
        .isInstanceOf(InvalidParameterException.class)
        .extracting(e -> ((InvalidParameterException) e).code())
        .isEqualTo("invalid_cursor");
  }

  @Test
  void criticsAutocompleteMatchesAnyWordStart() {
    assertThat(search.critics("mur", 10))
        .extracting(CriticSuggestion::name)
        .containsExactly("Noel Murray");
    assertThat(search.critics("mur", 10).get(0).sentiment()).containsEntry("positive", 1L);
    assertThat(search.critics("o'he", 10))
        .extracting(CriticSuggestion::name)
        .containsExactly("Andrew O'Hehir");
    assertThat(search.critics("", 50)).hasSize(9);
  }

  @Test
  void statsCountBySentimentAndSource() {
    IndexStats stats = search.stats();
    assertThat(stats.reviews()).isEqualTo(11);
    assertThat(stats.sentiment()).containsEntry("positive", 9L).containsEntry("mixed", 2L);
    assertThat(stats.sentimentSource()).containsEntry("score", 1L).containsEntry("page", 10L);
    assertThat(stats.build().filesRead()).isEqualTo(1);
  }

  @Test
  void filterOnlyFacetCountsAreTheSameWhenServedFromTheCache() {
    SearchRequest mixed =
        request("", List.of(), Set.of(Sentiment.MIXED), SortOrder.RELEVANCE, 10, null);
    SearchResponse first = search.search(mixed);
    SearchResponse again = search.search(mixed);
    SearchResponse bare = search.search(mixed.withExtras(false, false));
    assertThat(first.total()).isEqualTo(2);
    assertThat(first.facets().all("sentiment"))
        .containsEntry("positive", 9L)
        .containsEntry("mixed", 2L)
        .containsEntry("negative", 0L);
    assertThat(again.facets()).isEqualTo(first.facets());
    assertThat(again.hits())
        .extracting(ReviewHit::id)
        .isEqualTo(first.hits().stream().map(ReviewHit::id).toList());
    assertThat(bare.facets()).isNull();
    // the critic filter is another key: its counts are its own, not the cached mixed ones
    SearchResponse murray =
        search.search(request("", List.of("Noel Murray"), Set.of(), SortOrder.RELEVANCE, 10, null));
    assertThat(murray.total()).isEqualTo(1);
    assertThat(murray.facets().all("sentiment").values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(1);
  }
}
