package pullquote.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;
import pullquote.testing.TestIndexes;

/**
 * Highlights from a SolrCloud collection are the local index's: the same spans, as UTF-16 offsets
 * of the text, and the same escaped fragment, hit by hit.
 */
class SolrHighlightsTest {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  private static final Path FIXTURE =
      Path.of("src", "test", "resources", "fixtures", "search", "highlights.jsonl");

  /** Words, stems, a phrase, a prefix, a field term with a word, and OR. */
  private static final List<String> QUERIES =
      List.of(
          "runs",
          "running",
          "\"running gag\"",
          "surpris*",
          "critic:haddad running",
          "jokes OR time",
          "tender film");

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
    String text = "Gripping from the start. " + "Filler words here. ".repeat(600) + "Gripping end.";
    Path input = dir.resolve("long.jsonl");
    Files.writeString(
        input,
        "{\"id\": \"long\", \"work\": \"W\", \"critic\": \"C\", \"text\": \"" + text + "\"}\n");
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
