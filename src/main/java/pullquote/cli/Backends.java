package pullquote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import pullquote.search.Forgiveness;
import pullquote.search.SearchBackend;
import pullquote.search.lucene.LuceneBackend;
import pullquote.search.lucene.LuceneReviewSearchService;

/**
 * The one place a command's options choose the search backend. Commands and the server see only
 * {@link SearchBackend}; the benchmarks, which also read the local index directly, ask for it by
 * name.
 */
final class Backends {

  private Backends() {}

  /**
   * @param serving true for a server, which warms what it serves and picks up rebuilds; false for a
   *     one-off command
   */
  static SearchBackend of(
      IndexOption index, Forgiveness forgiveness, ObjectMapper json, boolean serving) {
    return local(index.dir(), forgiveness, json, serving);
  }

  /** The local index in a directory, for tools that read it directly as well as search it. */
  static LuceneBackend local(
      Path dir, Forgiveness forgiveness, ObjectMapper json, boolean serving) {
    return new LuceneBackend(
        dir, json, LuceneReviewSearchService.DEFAULT_BUDGET, forgiveness, serving);
  }
}
