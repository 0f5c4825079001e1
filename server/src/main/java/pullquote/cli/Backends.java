package pullquote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import pullquote.index.solr.SolrConnection;
import pullquote.search.Forgiveness;
import pullquote.search.SearchBackend;
import pullquote.search.lucene.LuceneBackend;
import pullquote.search.lucene.LuceneReviewSearchService;
import pullquote.search.solr.SolrBackend;

/**
 * The one place a command's options choose the search backend. Commands and the server see only
 * {@link SearchBackend}; the benchmarks, which also read the local index directly, ask for it by
 * name.
 */
final class Backends {

  private Backends() {}

  /**
   * @param solr the SolrCloud collection to search, or null for the local index
   * @param serving true for a server, which warms what it serves and picks up rebuilds; false for a
   *     one-off command
   */
  static SearchBackend of(
      IndexOption index,
      SolrConnection solr,
      Forgiveness forgiveness,
      ObjectMapper json,
      boolean serving) {
    return solr != null ? solr(solr, forgiveness) : local(index.dir(), forgiveness, json, serving);
  }

  /** A SolrCloud collection, with the same time budget as the local index. */
  static SearchBackend solr(SolrConnection solr, Forgiveness forgiveness) {
    return new SolrBackend(solr, LuceneReviewSearchService.DEFAULT_BUDGET, forgiveness);
  }

  /** The local index in a directory, for tools that read it directly as well as search it. */
  static LuceneBackend local(
      Path dir, Forgiveness forgiveness, ObjectMapper json, boolean serving) {
    return new LuceneBackend(
        dir, json, LuceneReviewSearchService.DEFAULT_BUDGET, forgiveness, serving);
  }
}
