package pullquote.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.IndexLayout;
import pullquote.index.IndexSnapshot;
import pullquote.index.LiveIndex;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.ingest.Json;
import pullquote.search.FacetCounts;
import pullquote.search.ReviewHit;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchRequest;
import pullquote.search.SearchResponse;
import pullquote.search.SortOrder;
import pullquote.sentiment.Sentiment;
import pullquote.testing.Requests;
import pullquote.testing.TestIndexes;

/**
 * Totals and facet counts: the per-generation facet arrays count what Lucene's facet module counts,
 * and a search with more hits than are counted while ranking still counts every one of them.
 */
class FacetCountingTest {

  @TempDir Path dir;

  @Test
  void facetArraysCountWhatLucenesFacetModuleCountsOnAManySegmentIndex() throws Exception {
    Path built = dir.resolve("built");
    TestIndexes.build(built, TestIndexes.SEED, TestIndexes.EXTRA);
    Path split = TestIndexes.rewrite(built, dir.resolve("split"), 3, review -> review);
    var queries = new ReviewQueryBuilder(ReviewAnalyzers.create());
    try (LiveIndex live = TestIndexes.open(split)) {
      live.withSnapshot(
          snapshot -> {
            IndexSearcher searcher = snapshot.searcher();
            assertThat(searcher.getIndexReader().leaves()).hasSize(5);
            FacetCounter<?> arrays = build(snapshot);
            FacetCounter<?> lucene = new LuceneFacetCounter(snapshot::facetState);
            String critic =
                count(lucene, searcher, queries, request("")).facets().top("critic").get(1).value();
            List<SearchRequest> requests =
                List.of(
                    request(""),
                    request("the"),
                    request("film OR thriller"),
                    request("\"the film\""),
                    request("no-such-word-anywhere"),
                    SearchRequest.filtered("", List.of(critic), Set.of()),
                    SearchRequest.filtered("", List.of(), Set.of(Sentiment.POSITIVE)),
                    SearchRequest.filtered(
                        "the", List.of(), Set.of(Sentiment.POSITIVE, Sentiment.MIXED)),
                    SearchRequest.filtered("the", List.of(critic), Set.of(Sentiment.NEGATIVE)),
                    Requests.within(request(""), 40, null, null, null),
                    Requests.within(request("the"), null, 90, LocalDate.of(2000, 1, 1), null),
                    Requests.within(
                        SearchRequest.filtered("", List.of(), Set.of(Sentiment.MIXED)),
                        10,
                        60,
                        null,
                        LocalDate.of(2022, 12, 31)));
            for (SearchRequest request : requests) {
              assertThat(count(arrays, searcher, queries, request))
                  .as(request.toString())
                  .isEqualTo(count(lucene, searcher, queries, request));
            }
            FacetCounter.Counted all = count(arrays, searcher, queries, request(""));
            assertThat(all.total()).isEqualTo(15);
            assertThat(all.facets().all("sentiment").values().stream().mapToLong(n -> n).sum())
                .isEqualTo(15);
            return null;
          });
    }
  }

  @Test
  void aSearchWithMoreHitsThanCountedWhileRankingCountsEveryHitAndRanksAsAFullScoreWould()
      throws Exception {
    Path input = dir.resolve("many.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      String text =
          "film ".repeat(1 + i % 3)
              + "filler ".repeat(i % 17)
              + (i % 120 == 0 ? "rare " : "")
              + (i % 2 == 0 ? "a triumph" : "a misfire")
              // a number of its own, so no two reviews are copies of one another to be merged
              + " take "
              + i;
      lines.add(
          String.format(
              "{\"id\": \"r%05d\", \"work\": \"Work %d\", \"critic\": \"Critic %d\","
                  + " \"publication\": \"Paper %d\", \"date\": \"2020-01-%02d\","
                  + " \"score_raw\": \"%d/10\", \"text\": \"%s\"}",
              i, i % 40, i % 7, i % 3, 1 + i % 28, i % 11, text));
    }
    Files.write(input, lines);
    Path index = dir.resolve("index");
    TestIndexes.build(index, input);
    try (LiveIndex live = TestIndexes.open(index)) {
      ReviewSearchService search = TestIndexes.service(live);
      SearchRequest plain = SearchRequest.of("film").withExtras(false, false);
      assertThat(search.search(plain).total()).isEqualTo(12_000);
      assertThat(search.search(SearchRequest.of("film rare").withExtras(false, false)).total())
          .isEqualTo(100);
      assertThat(search.search(SearchRequest.of("rare OR filler").withExtras(false, false)).total())
          .isEqualTo(11_300);
      SearchResponse page = search.search(SearchRequest.of("film").withExtras(true, false));
      assertThat(page.total()).isEqualTo(12_000);
      assertThat(page.facets().all("sentiment").values().stream().mapToLong(n -> n).sum())
          .isEqualTo(12_000);
      assertThat(page.facets().top("critic")).hasSize(7);
      assertThat(page.facets().top("critic").getFirst().count()).isEqualTo(1715);
      assertThat(page.facets().top("publication"))
          .extracting(FacetCounts.FacetValue::count)
          .containsExactly(4000L, 4000L, 4000L);
      assertThat(page.facets().top("work")).hasSize(10);
      // words ANDed are ranked and counted in one pass
      SearchResponse both = search.search(SearchRequest.of("film rare").withExtras(true, false));
      assertThat(both.total()).isEqualTo(100);
      assertThat(
              both.facets().top("critic").stream().mapToLong(FacetCounts.FacetValue::count).sum())
          .isEqualTo(100);

      List<String> paged = TestIndexes.idsPageByPage(search, plain, 10).subList(0, 30);
      assertThat(paged).isEqualTo(rankedScoringEveryHit(live, plain, 30));
    }
  }

  @Test
  void searchesAnswerAlikeBeforeAndAfterTheFacetValuesAreBuilt() throws Exception {
    Path index = dir.resolve("index");
    TestIndexes.build(index, TestIndexes.SEED, TestIndexes.EXTRA);
    try (LiveIndex cold = new LiveIndex(new IndexLayout(index), Json.newMapper());
        LiveIndex warm = TestIndexes.open(index)) {
      cold.refresh();
      ReviewSearchService before = TestIndexes.service(cold);
      ReviewSearchService after = TestIndexes.service(warm);
      String critic = after.search(request("")).facets().top("critic").get(1).value();
      List<SearchRequest> requests =
          List.of(
              request(""),
              request("the"),
              request("film OR thriller OR the"),
              SearchRequest.filtered("the", List.of(), Set.of(Sentiment.POSITIVE, Sentiment.MIXED)),
              SearchRequest.filtered("", List.of(critic), Set.of(Sentiment.NEGATIVE)),
              Requests.sortedBy(request("the OR a"), SortOrder.parse("date:desc")),
              Requests.sortedBy(
                  SearchRequest.filtered("", List.of(), Set.of(Sentiment.POSITIVE)),
                  SortOrder.parse("score:asc")));
      for (SearchRequest request : requests) {
        assertThat(pages(before, request)).as(request.toString()).isEqualTo(pages(after, request));
      }
      boolean built = cold.withSnapshot(s -> s.derivedIfReady(FacetCounter.class).isPresent());
      assertThat(built).as("the unwarmed index counted with Lucene's facet module").isFalse();
    }
  }

  /** Each page of 2 in turn, following the cursor: total, ids, facets and cursor of each. */
  private static List<List<Object>> pages(ReviewSearchService search, SearchRequest request) {
    List<List<Object>> pages = new ArrayList<>();
    String cursor = null;
    do {
      SearchResponse page = search.search(Requests.after(request, cursor, 2));
      pages.add(
          List.of(
              page.total(),
              page.hits().stream().map(ReviewHit::id).toList(),
              page.facets(),
              String.valueOf(page.nextCursor())));
      cursor = page.nextCursor();
    } while (cursor != null);
    return pages;
  }

  /** The first ids in relevance order, every hit scored: the ranking skipping must not change. */
  private static List<String> rankedScoringEveryHit(LiveIndex live, SearchRequest request, int n) {
    return live.withSnapshot(
        snapshot -> {
          try {
            IndexSearcher searcher = snapshot.searcher();
            var query = new ReviewQueryBuilder(ReviewAnalyzers.create()).build(request).query();
            var top =
                searcher.search(
                    query,
                    new TopFieldCollectorManager(
                        SortFields.of(SortOrder.RELEVANCE, false, false),
                        n,
                        null,
                        Integer.MAX_VALUE));
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
              ids.add(searcher.storedFields().document(hit.doc).get(ReviewFields.ID));
            }
            return ids;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static FacetCounter<?> build(IndexSnapshot snapshot) {
    try {
      FacetCounter<?> counter = FacetOrdinals.forGeneration(snapshot);
      assertThat(counter).isInstanceOf(FacetOrdinals.class);
      return counter;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FacetCounter.Counted count(
      FacetCounter<?> counter,
      IndexSearcher searcher,
      ReviewQueryBuilder queries,
      SearchRequest request) {
    try {
      return counter.count(searcher, queries.build(request));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SearchRequest request(String q) {
    return SearchRequest.of(q);
  }
}
