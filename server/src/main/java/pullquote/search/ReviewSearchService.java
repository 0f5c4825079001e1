package pullquote.search;

import java.util.List;
import java.util.Optional;

/**
 * The seam between the API and a search backend ({@link SearchBackend}): the in-process Lucene
 * index or a SolrCloud collection. Implementations throw {@link InvalidParameterException} for bad
 * requests and {@link SearchUnavailableException} when there is nothing to search.
 */
public interface ReviewSearchService {

  SearchResponse search(SearchRequest request);

  Optional<ReviewHit> review(String id);

  /** Critics any word of whose name starts with the prefix, ignoring case and accents. */
  List<CriticSuggestion> critics(String prefix, int limit);

  IndexStats stats();

  /**
   * Every review of one critic or one work, named exactly (case and accents aside), in no
   * particular order, at most {@code limit}: what a profile is made of.
   *
   * @param field {@code critic} or {@code work}
   */
  List<pullquote.ingest.Review> reviewsOf(String field, String name, int limit);

  /**
   * Every work's tally of its reviews, counted once per index generation: what a critic's reviews
   * are compared with.
   */
  java.util.Map<String, WorkTally> workTallies();

  /**
   * The served index's review count and generation, for health checks: cheap, unlike {@link
   * #stats}, which counts every review's values the first time a generation is asked.
   */
  IndexHealth health();
}
