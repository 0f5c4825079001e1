package pullquote.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two overlapping exports (fixtures/ingest/overlap: 12 records, 8 reviews once copies are merged)
 * as every backend must serve them: one hit per review, found by any id it was read under. One
 * subclass per backend says how it holds them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MergedCopiesContract {

  /** The directory of both exports. */
  protected static final Path OVERLAP =
      Path.of("server", "src", "test", "resources", "fixtures", "ingest", "overlap");

  protected ReviewSearchService search;

  /** A service over the backend holding what {@link #OVERLAP} was indexed into. */
  protected abstract ReviewSearchService openOverlap() throws Exception;

  @BeforeAll
  void openBackend() throws Exception {
    search = openOverlap();
  }

  @Test
  void everyReviewIsOneHitHoweverManyExportsHadIt() {
    assertThat(search.search(SearchRequest.of("")).total()).isEqualTo(8);
    SearchResponse masterpiece = search.search(SearchRequest.of("masterpiece"));
    assertThat(masterpiece.hits())
        .extracting(ReviewHit::id)
        .containsExactlyInAnyOrder("ov-1", "ov-4", "old-4", "old-5");
    assertThat(
            search
                .search(SearchRequest.filtered("", List.of("Mila Strand"), java.util.Set.of()))
                .total())
        .isEqualTo(2);
  }

  @Test
  void aMergedReviewIsFoundByEveryIdItWasReadUnder() {
    for (String id : List.of("ov-1", "old-1", "old-6")) {
      ReviewHit hit = search.review(id).orElseThrow();
      assertThat(hit.id()).as(id).isEqualTo("ov-1");
      assertThat(hit.aliases()).as(id).containsExactly("old-1", "old-6");
      assertThat(hit.score()).as(id).isEqualTo(100);
    }
    assertThat(search.review("old-2").orElseThrow().id()).isEqualTo("ov-3");
    assertThat(search.review("ov-2").orElseThrow().aliases()).isEmpty();
    assertThat(search.review("old-7")).isEmpty();
  }

  @Test
  void hitsCarryTheirAliases() {
    ReviewHit holt = search.search(SearchRequest.of("flawless")).hits().getFirst();
    assertThat(holt.id()).isEqualTo("ov-3");
    assertThat(holt.aliases()).containsExactly("old-2");
    assertThat(holt.scoreRaw()).isEqualTo("A-");
  }
}
