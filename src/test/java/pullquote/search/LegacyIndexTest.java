package pullquote.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.IndexLayout;
import pullquote.index.LiveIndex;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewDocuments;
import pullquote.index.ReviewFields;
import pullquote.testing.Requests;
import pullquote.testing.TestIndexes;

/** An index written before reviews carried {@code id_order} is still searched and paged whole. */
class LegacyIndexTest {

  @TempDir Path dir;

  @Test
  void anIndexWithoutTheIdHashPagesEveryReviewOnceInIdOrder() throws Exception {
    Path built = dir.resolve("built");
    TestIndexes.build(built, TestIndexes.SEED, TestIndexes.EXTRA);
    Path legacy = java.nio.file.Files.createDirectory(dir.resolve("legacy"));
    copyWithoutIdOrder(new IndexLayout(built).current().orElseThrow(), new IndexLayout(legacy));
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

  private static List<String> ids(ReviewSearchService search, SearchRequest request) {
    return search.search(Requests.after(request, null, 100)).hits().stream()
        .map(ReviewHit::id)
        .toList();
  }

  private static SearchRequest request(String q, String sort) {
    return Requests.sortedBy(SearchRequest.of(q).withExtras(false, false), SortOrder.parse(sort));
  }

  /** Rewrites every review of a generation as a new one, leaving out the id hash. */
  private static void copyWithoutIdOrder(Path from, IndexLayout to) throws Exception {
    var documents = new ReviewDocuments(ReviewFields.facetsConfig());
    Path generation = to.newGeneration();
    try (var reader = DirectoryReader.open(FSDirectory.open(from));
        var writer =
            new IndexWriter(
                FSDirectory.open(generation), new IndexWriterConfig(ReviewAnalyzers.create()))) {
      var stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        Document copy = documents.toDocument(ReviewDocuments.fromDocument(stored.document(doc)));
        copy.removeFields(ReviewFields.ID_ORDER);
        // what such an index sorted ties by
        copy.add(
            new org.apache.lucene.document.SortedDocValuesField(
                ReviewFields.ID, new org.apache.lucene.util.BytesRef(copy.get(ReviewFields.ID))));
        writer.addDocument(copy);
      }
    }
    to.publish(generation);
  }
}
