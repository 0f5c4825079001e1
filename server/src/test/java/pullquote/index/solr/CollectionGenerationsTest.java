package pullquote.index.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollectionGenerationsTest {

  private final CollectionGenerations generations = new CollectionGenerations("reviews");

  @Test
  void theFirstBuildIsGenerationOneAndEachNextIsOnePastTheHighestThereIs() {
    assertThat(generations.next(List.of())).isEqualTo("reviews_g000001");
    assertThat(generations.next(List.of("reviews_g000002", "other_g000007", "reviews_g000009")))
        .isEqualTo("reviews_g000010");
    assertThat(generations.next(List.of("reviews_g999999"))).isEqualTo("reviews_g1000000");
  }

  @Test
  void onlyTheAliasesOwnGenerationsCountWhateverItsNameHolds() {
    CollectionGenerations dotted = new CollectionGenerations("a.b");
    assertThat(dotted.isGeneration("a.b_g000001")).isTrue();
    assertThat(dotted.isGeneration("aXb_g000001")).isFalse();
    assertThat(dotted.isGeneration("a.b_g01")).isFalse();
    assertThat(dotted.isGeneration("a.b_g000001_copy")).isFalse();
  }

  @Test
  void everyGenerationButTheNewAndThePreviousIsDropped() {
    List<String> collections =
        List.of(
            "reviews_g000001",
            "reviews_g000002",
            "reviews_g000003",
            "reviews_g000004",
            "reviews",
            "other_g000001");
    // The alias pointed to 2; 3 was left by a killed build; 4 was just built.
    assertThat(generations.toDrop(collections, "reviews_g000004", Set.of("reviews_g000002")))
        .containsExactly("reviews_g000001", "reviews_g000003");
    assertThat(generations.toDrop(collections, "reviews_g000004", Set.of()))
        .containsExactly("reviews_g000001", "reviews_g000002", "reviews_g000003");
  }
}
