package pullquote.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import pullquote.testing.Requests;
import pullquote.testing.TestIndexes;

/**
 * Filters, ranges and sorts over the seed page plus a small fixture with scores and dates, which
 * every backend must meet: one subclass per backend says how it holds those reviews.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FilterAndSortContract {

  protected ReviewSearchService search;

  /** A service over the backend holding the seed page's and the extra fixture's reviews. */
  protected abstract ReviewSearchService openSeedAndExtra() throws Exception;

  @BeforeAll
  void openBackend() throws Exception {
    search = openSeedAndExtra();
  }

  private List<String> ids(String sort, Integer min, Integer max, LocalDate from, LocalDate to) {
    var request =
        new SearchRequest(
            "",
            List.of(),
            List.of(),
            List.of("Quiet Harbour", "The Markup Menace"),
            Set.of(),
            min,
            max,
            from,
            to,
            SortOrder.parse(sort),
            1,
            10,
            null,
            true,
            true);
    return search.search(request).hits().stream().map(ReviewHit::id).toList();
  }

  @Test
  void filtersAloneSortedByDateOrScorePageByCursorAsOnOnePage() {
    for (String sort : List.of("date:asc", "date:desc", "score:asc", "score:desc")) {
      var request =
          Requests.after(
              Requests.sortedBy(
                  SearchRequest.of("").withExtras(false, false), SortOrder.parse(sort)),
              null,
              100);
      SearchResponse all = search.search(request);
      assertThat(all.total()).isEqualTo(15);
      List<String> onePage = all.hits().stream().map(ReviewHit::id).toList();
      assertThat(TestIndexes.idsPageByPage(search, request, 2)).as(sort).isEqualTo(onePage);
      assertThat(search.search(Requests.after(request, null, 2)).total()).as(sort).isEqualTo(15);
    }
  }

  /**
   * Later pages of a text search, by cursor or by page number, show the counts its first page
   * showed, whatever was searched between them (a backend may keep the first page's counts).
   */
  @Test
  void everyPageOfATextSearchCountsWhatItsFirstPageCounted() {
    for (String sort : List.of("relevance", "date:desc")) {
      var request = Requests.sortedBy(SearchRequest.of("film"), SortOrder.parse(sort));
      SearchResponse first = search.search(Requests.after(request, null, 2));
      assertThat(first.total()).as(sort).isGreaterThan(4);
      SearchResponse positive =
          search.search(
              Requests.after(
                  new SearchRequest(
                      "film",
                      List.of(),
                      List.of(),
                      List.of(),
                      Set.of(pullquote.sentiment.Sentiment.POSITIVE),
                      null,
                      null,
                      null,
                      null,
                      SortOrder.parse(sort),
                      1,
                      10,
                      null,
                      true,
                      false),
                  null,
                  2));
      assertThat(positive.total()).isLessThan(first.total());
      assertThat(positive.facets()).isNotEqualTo(first.facets());
      String cursor = first.nextCursor();
      int pages = 1;
      while (cursor != null) {
        SearchResponse next = search.search(Requests.after(request, cursor, 2));
        assertThat(next.total()).as(sort).isEqualTo(first.total());
        assertThat(next.facets()).as(sort + " page " + ++pages).isEqualTo(first.facets());
        cursor = next.nextCursor();
      }
      assertThat(pages).isGreaterThan(2);
    }
  }

  @Test
  void scoreSortPutsUnscoredReviewsLastEitherWay() {
    assertThat(ids("score:desc", null, null, null, null))
        .containsExactly("x-script", "x-late", "x-early", "x-label");
    assertThat(ids("score:asc", null, null, null, null))
        .containsExactly("x-early", "x-late", "x-script", "x-label");
  }

  @Test
  void dateSortOrdersByDayWithUndatedLast() {
    assertThat(ids("date:desc", null, null, null, null))
        .containsExactly("x-late", "x-script", "x-early", "x-label");
    assertThat(ids("date:asc", null, null, null, null))
        .containsExactly("x-early", "x-script", "x-late", "x-label");
  }

  @Test
  void scoreAndDateRangesFilter() {
    assertThat(ids("score:desc", 40, 100, null, null)).containsExactly("x-script", "x-late");
    assertThat(ids("date:asc", null, null, LocalDate.of(2000, 1, 1), LocalDate.of(2021, 12, 31)))
        .containsExactly("x-script");
  }

  @Test
  void workAndPublicationFiltersAreExactButFoldCaseAndAccents() {
    var request =
        new SearchRequest(
            "",
            List.of(),
            List.of("cinema revue"),
            List.of(),
            Set.of(),
            null,
            null,
            null,
            null,
            SortOrder.RELEVANCE,
            1,
            10,
            null,
            true,
            true);
    assertThat(search.search(request).hits()).extracting(ReviewHit::id).containsExactly("x-label");
  }

  private static Map<String, Long> counts(Object... keysAndCounts) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < keysAndCounts.length; i += 2) {
      counts.put((String) keysAndCounts[i], ((Number) keysAndCounts[i + 1]).longValue());
    }
    return counts;
  }

  /**
   * Scores: the seed page's one grade (B, 2013), 3/4 (75, 2021), C (50, 2022), D- (16, 1999); ten
   * of the seed page's reviews are dated 2013.
   */
  @Test
  void scoreAndYearFacetsCountTheHitsInTensAndYears() {
    FacetCounts all = search.search(SearchRequest.of("")).facets();
    assertThat(all.all("score"))
        .containsExactlyEntriesOf(
            counts(
                "0", 0, "10", 1, "20", 0, "30", 0, "40", 0, "50", 1, "60", 0, "70", 1, "80", 1,
                "90", 0));
    assertThat(all.all("year"))
        .containsExactlyEntriesOf(counts("1999", 1, "2013", 10, "2021", 1, "2022", 1));
  }

  private static SearchRequest ranges(Integer minScore, LocalDate from) {
    return new SearchRequest(
        "",
        List.of(),
        List.of(),
        List.of(),
        Set.of(),
        minScore,
        null,
        from,
        null,
        SortOrder.parse("relevance"),
        1,
        10,
        null,
        true,
        true);
  }

  /** The seed page's graded review (80) has no date, so no date range keeps it. */
  @Test
  void aRangeDoesNotNarrowItsOwnFacetButNarrowsTheOthers() {
    SearchResponse scored = search.search(ranges(60, LocalDate.of(2000, 1, 1)));
    assertThat(scored.hits()).extracting(ReviewHit::id).containsExactly("x-script");
    // the scores of the reviews dated from 2000, whatever their score
    assertThat(scored.facets().all("score"))
        .containsExactlyEntriesOf(
            counts(
                "0", 0, "10", 0, "20", 0, "30", 0, "40", 0, "50", 1, "60", 0, "70", 1, "80", 0,
                "90", 0));
    assertThat(scored.facets().all("year")).containsExactlyEntriesOf(counts("2021", 1));

    SearchResponse recent = search.search(ranges(null, LocalDate.of(2022, 1, 1)));
    assertThat(recent.hits()).extracting(ReviewHit::id).containsExactly("x-late");
    // the years of every review, whatever their date
    assertThat(recent.facets().all("year"))
        .containsExactlyEntriesOf(counts("1999", 1, "2013", 10, "2021", 1, "2022", 1));
    assertThat(recent.facets().all("score").get("50")).isEqualTo(1);
    assertThat(recent.facets().all("sentiment").values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(1);
  }

  @Test
  void labelGivesSentimentWhenThereIsNoScore() {
    ReviewHit hit = search.review("x-label").orElseThrow();
    assertThat(hit.sentiment()).isEqualTo("negative");
    assertThat(hit.sentimentSource()).isEqualTo("label");
    assertThat(hit.critic()).isEqualTo("Élodie Marchand");
  }

  @Test
  void markupInTextIsEscapedInHighlights() {
    ReviewHit hit = search.search(SearchRequest.of("thriller")).hits().get(0);
    assertThat(hit.id()).isEqualTo("x-script");
    String fragment = hit.highlights().fragments().get(0);
    assertThat(fragment)
        .contains("&lt;script&gt;")
        .contains("&lt;img")
        .doesNotContain("<script")
        .doesNotContain("<img");
    assertThat(fragment).contains("<mark>thriller</mark>");
  }
}
