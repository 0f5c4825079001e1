package pullquote.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.IndexLayout;
import pullquote.index.LiveIndex;
import pullquote.ingest.Json;
import pullquote.search.CriticDirectory;
import pullquote.search.IndexHealth;
import pullquote.search.IndexStats;
import pullquote.search.ReviewSearchService;
import pullquote.testing.TestIndexes;

class IndexHealthTest {

  @TempDir Path dir;

  @Test
  void healthNamesCountAndGenerationWithoutCountingTheIndexFigures() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED);
    // No warmer: anything derived from the generation is then built by the call under test.
    try (LiveIndex live = new LiveIndex(new IndexLayout(dir), Json.newMapper())) {
      live.refresh();
      ReviewSearchService search = TestIndexes.service(live);

      IndexHealth health = search.health();

      live.withSnapshot(
          snapshot -> {
            assertThat(snapshot.derivedIfReady(IndexStats.class)).isEmpty();
            assertThat(snapshot.derivedIfReady(CriticDirectory.class)).isEmpty();
            return null;
          });
      IndexStats stats = search.stats();
      assertThat(health.reviews()).isEqualTo(stats.reviews()).isEqualTo(11);
      assertThat(health.generation()).isEqualTo(stats.generation());
    }
  }
}
