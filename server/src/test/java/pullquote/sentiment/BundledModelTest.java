package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The model shipped in the jar: it loads, it says what it was trained on, and it reads plain cases.
 */
class BundledModelTest {

  private final LinearSentimentModel model = LinearSentimentModel.bundled();

  @Test
  void itCarriesItsTrainingMetadata() {
    assertThat(model.metadata())
        .contains("\"trained_on\"")
        .contains("critic_reviews.csv")
        .contains("\"test_three_class\"")
        .contains("\"test_two_threshold_baseline\"");
    assertThat(model.featureCount()).isGreaterThan(10_000);
  }

  @Test
  void plainPraiseAndPlainScornAreReadRightWithEvidenceFromTheText() {
    var praise = model.classify("A masterpiece: brilliant, moving and beautifully acted.");
    assertThat(praise.sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(praise.evidence()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    var scorn = model.classify("A dull, tedious, lifeless mess and a waste of time.");
    assertThat(scorn.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(scorn.negative()).isGreaterThan(scorn.positive());
  }

  @Test
  void negationTurnsPraiseAround() {
    assertThat(model.classify("It is good.").positive())
        .isGreaterThan(model.classify("It is not good.").positive());
  }

  @Test
  void probabilitiesSumToOneForAnyText() {
    for (String text :
        new String[] {"", "<br/><br/>", "ça va", "!!!", "x".repeat(100_000), "\uFFFD\uFFFD"}) {
      var p = model.classify(text);
      assertThat(p.positive() + p.mixed() + p.negative())
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
  }
}
