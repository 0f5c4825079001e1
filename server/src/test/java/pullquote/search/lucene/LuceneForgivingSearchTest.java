package pullquote.search.lucene;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.index.ReviewAnalyzers;
import pullquote.search.Forgiveness;
import pullquote.search.ForgivingSearchContract;
import pullquote.search.ReviewSearchService;
import pullquote.testing.TestIndexes;

/** The forgiving search box on the local Lucene index. */
class LuceneForgivingSearchTest extends ForgivingSearchContract {

  @TempDir static Path dir;
  private LiveIndex live;

  @Override
  protected void open(Path fixture) throws Exception {
    TestIndexes.build(dir, fixture);
    live = TestIndexes.open(dir);
  }

  @Override
  protected ReviewSearchService service(Forgiveness forgiveness) {
    return new LuceneReviewSearchService(
        live, ReviewAnalyzers.create(), Duration.ofSeconds(5), forgiveness);
  }

  @AfterAll
  void close() throws Exception {
    live.close();
  }
}
