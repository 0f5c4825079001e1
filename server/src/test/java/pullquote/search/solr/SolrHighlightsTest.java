package pullquote.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.search.Highlights;
import pullquote.search.ReviewHit;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchRequest;
import pullquote.testing.HighlightFixtures;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;
import pullquote.testing.TestIndexes;

/**
 * Highlights from a SolrCloud collection are the local index's: the same spans, as UTF-16 offsets
 * of the text, and the same escaped fragment, hit by hit.
 */
class SolrHighlightsTest {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  private static final Path FIXTURE = HighlightFixtures.REVIEWS;

  /** The local index's highlight queries, and two plain words that stand together. */
  private static final List<String> QUERIES =
      java.util.stream.Stream.concat(
              HighlightFixtures.QUERIES.stream(), java.util.stream.Stream.of("tender film"))
          .toList();

  @TempDir Path dir;

  @Test
  void everyHitIsMarkedAsTheLocalIndexMarksIt() throws Exception {
    TestIndexes.build(dir, FIXTURE);
    try (LiveIndex live = TestIndexes.open(dir);
        SolrCollections.Opened solr =
            SolrCollections.searchable(SOLR.cluster(), "highlight_contract", FIXTURE)) {
      ReviewSearchService local = TestIndexes.service(live);
      for (String q : QUERIES) {
        assertThat(marks(solr.service(), q)).as(q).isEqualTo(marks(local, q)).isNotEmpty();
      }
    }
  }

  @Test
  void onlyTheFirstTenThousandCharactersAreMarked() throws Exception {
    Path input = HighlightFixtures.longReview(dir);
    try (SolrCollections.Opened solr =
        SolrCollections.searchable(SOLR.cluster(), "highlight_long", input)) {
      ReviewHit hit = solr.service().search(SearchRequest.of("gripping")).hits().get(0);
      assertThat(hit.text()).hasSizeGreaterThan(10_000);
      assertThat(hit.highlights().matches()).containsExactly(new Highlights.Span(0, 8));
    }
  }

  /** Each hit's marked spans and fragments, by id: rank order may differ across shards. */
  private static Map<String, String> marks(ReviewSearchService search, String q) {
    Map<String, String> marks = new TreeMap<>();
    for (ReviewHit hit : search.search(SearchRequest.of(q)).hits()) {
      marks.put(hit.id(), hit.highlights().matches() + " " + hit.highlights().fragments());
    }
    return marks;
  }
}
