package pullquote.bench;

import pullquote.search.ReviewSearchService;
import pullquote.search.SearchRequest;

/** pullquote's own search, as the search box calls it, without facets or highlights. */
public final class ServiceEngine implements RankingEngine {

  private final ReviewSearchService service;

  public ServiceEngine(ReviewSearchService service) {
    this.service = service;
  }

  @Override
  public RankedAnswer answer(RelevanceQuery query) {
    var response = service.search(SearchRequest.of(query.text()).withExtras(false, false));
    return new RankedAnswer(
        response.hits().stream().map(h -> new Hit(h.id(), h.text())).toList(), response.total());
  }
}
