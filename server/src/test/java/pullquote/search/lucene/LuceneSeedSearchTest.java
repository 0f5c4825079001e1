package pullquote.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.search.Forgiveness;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchRequest;
import pullquote.search.SearchResponse;
import pullquote.search.SeedSearchContract;
import pullquote.search.SortOrder;
import pullquote.sentiment.Sentiment;
import pullquote.testing.TestIndexes;

/** The seed page's pinned behaviour on the local Lucene index, and its time budget. */
class LuceneSeedSearchTest extends SeedSearchContract {

  @TempDir static Path dir;
  private LiveIndex live;

  @Override
  protected ReviewSearchService openSeed() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED);
    live = TestIndexes.open(dir);
    return TestIndexes.service(live);
  }

  @AfterAll
  void close() throws Exception {
    live.close();
  }

  @Test
  void aSearchPastItsTimeBudgetAnswersWithWhatItFoundFlaggedTimedOut() {
    var hurried =
        new LuceneReviewSearchService(
            live,
            pullquote.index.ReviewAnalyzers.create(),
            java.time.Duration.ZERO,
            Forgiveness.DEFAULT);
    SearchResponse partial = hurried.search(SearchRequest.of("pusher"));
    assertThat(partial.timedOut()).isTrue();
    assertThat(partial.total()).isLessThanOrEqualTo(q("pusher").total());
    // the ranking ran out, so nothing was counted: no facets rather than zeros
    assertThat(partial.facets()).isNull();
    assertThat(partial.nextCursor()).isNull();
    // words ANDed rank and count in one pass, and a sentiment tick adds a pass for its facet:
    // out of time in the first, the second is not run on nothing
    SearchResponse partialBoth =
        hurried.search(
            request(
                "running out", List.of(), Set.of(Sentiment.MIXED), SortOrder.RELEVANCE, 10, null));
    assertThat(partialBoth.timedOut()).isTrue();
    assertThat(partialBoth.facets()).isNull();
    assertThat(partialBoth.nextCursor()).isNull();
    assertThat(q("pusher").timedOut()).isFalse();
    // a partial count is never cached as the filter's counts
    SearchRequest mixed =
        request("", List.of(), Set.of(Sentiment.MIXED), SortOrder.RELEVANCE, 10, null);
    SearchResponse partialFilter = hurried.search(mixed);
    assertThat(partialFilter.timedOut()).isTrue();
    // no budget is left to count apart: the total is what was seen, all of it on this page
    assertThat(partialFilter.total()).isEqualTo(partialFilter.hits().size());
    assertThat(partialFilter.nextCursor()).isNull();
    assertThat(search.search(mixed).facets().all("sentiment")).containsEntry("positive", 9L);
  }
}
