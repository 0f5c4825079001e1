package pullquote.search.lucene;

import java.io.IOException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import pullquote.search.FacetCounts;

/**
 * Counts a search's hits and the facet values among them, in a pass of its own or beside the
 * ranking's.
 *
 * @param <R> what the collecting gathers
 */
interface FacetCounter<R> {

  /**
   * @param total every hit of the search (of what was examined, if the searcher's time ran out)
   */
  record Counted(long total, FacetCounts facets) {}

  /** Gathers the hits of {@code built.query()}; it never needs their scores. */
  CollectorManager<?, R> collecting(ReviewQueryBuilder.Built built);

  /**
   * The counts from what was gathered. With a sentiment filter, the sentiment facet is counted over
   * {@code built.withoutSentimentFilter()} in a pass of its own: ticking one class still shows the
   * others' counts.
   */
  Counted counted(R gathered, IndexSearcher searcher, ReviewQueryBuilder.Built built)
      throws IOException;

  /** Counts in a pass of its own. */
  default Counted count(IndexSearcher searcher, ReviewQueryBuilder.Built built) throws IOException {
    return counted(searcher.search(built.query(), collecting(built)), searcher, built);
  }
}
