package pullquote.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pullquote.index.ReviewAnalyzers;
import pullquote.search.SearchRequest;
import pullquote.sentiment.Sentiment;

/** Which searches rank their page apart from counting their hits. */
class RankingPlanTest {

  private final ReviewQueryBuilder queries = new ReviewQueryBuilder(ReviewAnalyzers.create());

  @Test
  void oneWordOrWordsJoinedByOrRankApart() {
    assertThat(skipsWell(SearchRequest.of("funny"))).isTrue();
    assertThat(skipsWell(SearchRequest.of("funny OR sad OR tender"))).isTrue();
  }

  @Test
  void searchesWhoseHitsMeetSeveralConditionsRankAndCountInOnePass() {
    assertThat(skipsWell(SearchRequest.of("funny sad"))).isFalse();
    assertThat(skipsWell(SearchRequest.of("\"funny film\""))).isFalse();
    assertThat(skipsWell(SearchRequest.of("funny OR \"sad film\""))).isFalse();
    assertThat(skipsWell(SearchRequest.of("funny -sad"))).isFalse();
    assertThat(skipsWell(SearchRequest.of("fun*"))).isFalse();
    // every hit of a term on a field without lengths scores alike: nothing to skip
    assertThat(skipsWell(SearchRequest.of("sentiment:positive"))).isFalse();
    assertThat(skipsWell(SearchRequest.of("critic:murray"))).isFalse();
    assertThat(skipsWell(SearchRequest.filtered("funny", List.of(), Set.of(Sentiment.POSITIVE))))
        .isFalse();
  }

  private boolean skipsWell(SearchRequest request) {
    return RankingPlan.skipsWell(queries.build(request).query());
  }
}
