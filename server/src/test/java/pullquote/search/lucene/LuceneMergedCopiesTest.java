package pullquote.search.lucene;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.search.MergedCopiesContract;
import pullquote.search.ReviewSearchService;
import pullquote.testing.TestIndexes;

/** Merged copies on the local Lucene index. */
class LuceneMergedCopiesTest extends MergedCopiesContract {

  @TempDir static Path dir;
  private LiveIndex live;

  @Override
  protected ReviewSearchService openOverlap() throws Exception {
    TestIndexes.build(dir, OVERLAP);
    live = TestIndexes.open(dir);
    return TestIndexes.service(live);
  }

  @AfterAll
  void close() throws Exception {
    live.close();
  }
}
