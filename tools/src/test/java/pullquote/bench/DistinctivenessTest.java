package pullquote.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctivenessTest extends RelevanceIndexTest {

  private static final Hit COLOUR =
      new Hit(
          "b-colour",
          "The colour of every frame glows like a lantern, and the director keeps the funny"
              + " moments light while the actors carry the quiet ones.");

  private static boolean distinctive(String quote, Hit review) {
    return withSearcher(
        searcher -> new Distinctiveness(searcher).isDistinctive(List.of(quote.split(" ")), review));
  }

  @Test
  void aQuoteInOneReviewIsDistinctive() {
    assertThat(distinctive("a man whose behavior", REALIZE)).isTrue();
  }

  @Test
  void aQuoteInCopiesOfOneTextIsDistinctive() {
    // b-copy holds b-realize's text under another id, as the corpus's collections overlap
    assertThat(distinctive("the neighbor next door", REALIZE)).isTrue();
  }

  @Test
  void aQuoteThatAnotherTextAlsoHoldsIsNot() {
    // b-colour-longer is b-colour with a sentence more
    assertThat(distinctive("every frame glows like", COLOUR)).isFalse();
    assertThat(distinctive("the film", REALIZE)).isFalse();
  }

  @Test
  void aQuoteTheReviewDoesNotHoldIsNot() {
    assertThat(distinctive("glows like a lantern", REALIZE)).isFalse();
  }
}
