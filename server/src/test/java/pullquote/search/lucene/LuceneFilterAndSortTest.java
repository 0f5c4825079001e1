package pullquote.search.lucene;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.search.FilterAndSortContract;
import pullquote.search.ReviewSearchService;
import pullquote.testing.TestIndexes;

/** Filters, ranges and sorts on the local Lucene index. */
class LuceneFilterAndSortTest extends FilterAndSortContract {

  @TempDir static Path dir;
  private LiveIndex live;

  @Override
  protected ReviewSearchService openSeedAndExtra() throws Exception {
    TestIndexes.build(dir, TestIndexes.SEED, TestIndexes.EXTRA);
    live = TestIndexes.open(dir);
    return TestIndexes.service(live);
  }

  @AfterAll
  void close() throws Exception {
    live.close();
  }
}
