package pullquote.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.index.ReviewFields;
import pullquote.search.IndexStats;
import pullquote.search.ReviewHit;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchRequest;
import pullquote.search.SortOrder;
import pullquote.testing.Requests;
import pullquote.testing.TestIndexes;

/** Indexes written by earlier builds are still searched, paged and counted as new ones. */
class LegacyIndexTest {

  @TempDir Path dir;

  @Test
  void anIndexWithoutTheIdHashPagesEveryReviewOnceInIdOrder() throws Exception {
    Path built = dir.resolve("built");
    TestIndexes.build(built, TestIndexes.SEED, TestIndexes.EXTRA);
    Path legacy =
        TestIndexes.rewrite(
            built,
            dir.resolve("legacy"),
            Integer.MAX_VALUE,
            review -> {
              review.removeFields(ReviewFields.ID_ORDER);
              // what such an index sorted ties by
              review.add(
                  new SortedDocValuesField(
                      ReviewFields.ID, new BytesRef(review.get(ReviewFields.ID))));
              return review;
            });
    try (LiveIndex live = TestIndexes.open(legacy)) {
      boolean hasIdOrder = live.withSnapshot(s -> s.hasIdOrder());
      assertThat(hasIdOrder).isFalse();
      ReviewSearchService search = TestIndexes.service(live);
      for (String sort : List.of("relevance", "date:asc", "score:desc")) {
        for (String q : List.of("", "the")) {
          SearchRequest request = request(q, sort);
          List<String> onePage = ids(search, request);
          // more than one page of 2, so the cursor is really followed
          assertThat(onePage).as(sort + " " + q).hasSizeGreaterThan(2);
          assertThat(TestIndexes.idsPageByPage(search, request, 2))
              .as(sort + " " + q)
              .isEqualTo(onePage)
              .doesNotHaveDuplicates();
          if (q.isEmpty()) {
            assertThat(onePage).hasSize(15);
          }
        }
      }
      assertThat(ids(search, request("", "relevance"))).isSorted();
    }
  }

  @Test
  void anIndexWithLucenesFacetFieldsCountsAsANewOne() throws Exception {
    Path built = dir.resolve("built");
    TestIndexes.build(built, TestIndexes.SEED, TestIndexes.EXTRA);
    Path legacy =
        TestIndexes.rewrite(
            built, dir.resolve("legacy"), Integer.MAX_VALUE, LegacyIndexTest::withFacetFields);
    try (LiveIndex fresh = TestIndexes.open(built);
        LiveIndex old = TestIndexes.open(legacy)) {
      ReviewSearchService now = TestIndexes.service(fresh);
      ReviewSearchService before = TestIndexes.service(old);
      for (String q : List.of("", "the", "film OR thriller")) {
        assertThat(before.search(SearchRequest.of(q)).facets())
            .as(q)
            .isEqualTo(now.search(SearchRequest.of(q)).facets());
      }
      IndexStats stats = now.stats();
      assertThat(stats.works()).isEqualTo(3);
      assertThat(before.stats().sentiment()).isEqualTo(stats.sentiment());
      assertThat(before.stats().sentimentSource()).isEqualTo(stats.sentimentSource());
      assertThat(before.stats().works()).isEqualTo(stats.works());
    }
  }

  /** What builds wrote before 2026-11-23: Lucene's facet fields beside the doc values. */
  private static Document withFacetFields(Document review) {
    for (String dim : ReviewFields.FACET_DIMENSIONS) {
      String value = review.get(dim);
      if (value != null) {
        review.add(new SortedSetDocValuesFacetField(dim, value));
      }
    }
    try {
      return new FacetsConfig().build(review);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> ids(ReviewSearchService search, SearchRequest request) {
    return search.search(Requests.after(request, null, 100)).hits().stream()
        .map(ReviewHit::id)
        .toList();
  }

  private static SearchRequest request(String q, String sort) {
    return Requests.sortedBy(SearchRequest.of(q).withExtras(false, false), SortOrder.parse(sort));
  }
}
