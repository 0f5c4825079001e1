package pullquote.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.testing.TestIndexes;

/** Tests on the small index the relevance benchmark draws from: the seed page and fixtures. */
abstract class RelevanceIndexTest {

  /** A fixture review whose text the fixture also holds under the id "b-copy". */
  static final Hit REALIZE =
      new Hit(
          "b-realize",
          "It takes a while to realize that the flick is really about the neighbor next door, a man"
              + " whose behavior the film never explains.");

  @TempDir static Path dir;
  static LiveIndex live;

  @BeforeAll
  static void buildIndex() throws IOException {
    Path index = dir.resolve("index");
    TestIndexes.build(index, TestIndexes.SEED, TestIndexes.EXTRA, TestIndexes.MISREMEMBERED);
    live = TestIndexes.open(index);
  }

  @AfterAll
  static void closeIndex() throws IOException {
    live.close();
  }

  /** Reading the served index, which may fail as reading does. */
  interface Reading<T> {
    T read(IndexSearcher searcher) throws IOException;
  }

  static <T> T withSearcher(Reading<T> reading) {
    return live.withSnapshot(
        snapshot -> {
          try {
            return reading.read(snapshot.searcher());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static List<RelevanceQuery> draw(int perKind, long seed) {
    return withSearcher(searcher -> MisrememberedQuotes.of(searcher).draw(perKind, seed));
  }
}
