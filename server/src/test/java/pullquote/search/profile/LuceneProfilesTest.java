package pullquote.search.profile;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.search.ReviewSearchService;
import pullquote.testing.TestIndexes;

/** Profiles over the local Lucene index. */
class LuceneProfilesTest extends ProfilesContract {

  @TempDir static Path dir;
  private LiveIndex live;

  @Override
  protected ReviewSearchService openFourCritics() throws Exception {
    TestIndexes.build(dir, FOUR_CRITICS);
    live = TestIndexes.open(dir);
    return TestIndexes.service(live);
  }

  @AfterAll
  void close() throws Exception {
    live.close();
  }
}
