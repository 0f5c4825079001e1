package pullquote.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.IndexLayout;
import pullquote.index.LiveIndex;
import pullquote.index.ReviewFields;
import pullquote.search.Highlights;
import pullquote.search.ReviewHit;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchRequest;
import pullquote.testing.HighlightFixtures;
import pullquote.testing.TestIndexes;

/**
 * Highlights come from analysing the shown texts again (indexes written now) or from offsets in the
 * postings (indexes written before offsets were dropped), and are the same either way.
 */
class HighlightTest {

  private static final Path FIXTURE = HighlightFixtures.REVIEWS;

  private static final List<String> QUERIES = HighlightFixtures.QUERIES;

  @TempDir Path dir;

  @Test
  void reanalysedHighlightsEqualThoseFromOffsetsInThePostings() throws Exception {
    Path built = dir.resolve("built");
    TestIndexes.build(built, FIXTURE);
    Path withOffsets =
        TestIndexes.rewrite(
            built,
            dir.resolve("offsets"),
            Integer.MAX_VALUE,
            review -> {
              String text = review.get(ReviewFields.TEXT);
              review.removeFields(ReviewFields.TEXT);
              review.add(new Field(ReviewFields.TEXT, text, textWithOffsets()));
              return review;
            });
    assertThat(textOptions(built)).isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    assertThat(textOptions(withOffsets))
        .isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    Map<String, List<String>> reanalysed = highlights(built);
    assertThat(reanalysed.get("runs")).hasSize(3);
    assertThat(highlights(withOffsets)).isEqualTo(reanalysed);
  }

  @Test
  void aStemMatchAfterAParagraphBreakIsMarkedWhereItStands() throws Exception {
    TestIndexes.build(dir, FIXTURE);
    try (LiveIndex live = TestIndexes.open(dir)) {
      ReviewHit hit =
          TestIndexes.service(live).search(SearchRequest.of("runs")).hits().stream()
              .filter(h -> h.id().equals("h-para"))
              .findFirst()
              .orElseThrow();
      // "runs" finds both "runs" and "running" through the stem
      assertThat(hit.highlights().matches())
          .extracting(span -> hit.text().substring(span.start(), span.end()))
          .containsExactly("runs", "running");
    }
  }

  @Test
  void onlyTheFirstTenThousandCharactersAreMarked() throws Exception {
    Path input = HighlightFixtures.longReview(dir);
    TestIndexes.build(dir.resolve("index"), input);
    try (LiveIndex live = TestIndexes.open(dir.resolve("index"))) {
      ReviewHit hit = TestIndexes.service(live).search(SearchRequest.of("gripping")).hits().get(0);
      assertThat(hit.text()).hasSizeGreaterThan(ReviewHighlighter.MAX_LENGTH);
      assertThat(hit.highlights().matches()).containsExactly(new Highlights.Span(0, 8));
    }
  }

  /** Per query, each hit's id with its marked spans, in rank order. */
  private static Map<String, List<String>> highlights(Path index) throws Exception {
    Map<String, List<String>> result = new LinkedHashMap<>();
    try (LiveIndex live = TestIndexes.open(index)) {
      ReviewSearchService search = TestIndexes.service(live);
      for (String q : QUERIES) {
        result.put(
            q,
            search.search(SearchRequest.of(q)).hits().stream()
                .map(
                    h -> h.id() + " " + h.highlights().matches() + " " + h.highlights().fragments())
                .toList());
      }
    }
    return result;
  }

  private static IndexOptions textOptions(Path index) throws Exception {
    Path generation = new IndexLayout(index).current().orElseThrow();
    try (var reader = DirectoryReader.open(FSDirectory.open(generation))) {
      return FieldInfos.getMergedFieldInfos(reader).fieldInfo(ReviewFields.TEXT).getIndexOptions();
    }
  }

  private static FieldType textWithOffsets() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
