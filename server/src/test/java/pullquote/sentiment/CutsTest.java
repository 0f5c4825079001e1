package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The three-class rule under a pair's cuts, with and without the transformer's negative head. */
class CutsTest {

  private final Cuts withHead = new Cuts(0.5, 0.4, 0.8, 0.05, 0.7);

  @Test
  void theNegativeHeadDecidesNegativeOnlyShortOfThePositiveCut() {
    assertThat(LinearSentimentModel.decide(0.5, 0.2, 0.9, withHead)).isEqualTo(Sentiment.NEGATIVE);
    assertThat(LinearSentimentModel.decide(0.5, 0.2, 0.6, withHead)).isEqualTo(Sentiment.MIXED);
    assertThat(LinearSentimentModel.decide(0.95, 0.2, 0.9, withHead)).isEqualTo(Sentiment.POSITIVE);
    assertThat(LinearSentimentModel.decide(0.01, 0.9, 0, withHead)).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void aThresholdOfOneLeavesTheNegativeHeadOut() {
    Cuts without = Cuts.of(0.4, 0.8, 0.05);
    assertThat(LinearSentimentModel.decide(0.5, 0.2, 1.0, without)).isEqualTo(Sentiment.MIXED);
    assertThat(LinearSentimentModel.decide(0.9, 0.5, 1.0, without)).isEqualTo(Sentiment.MIXED);
    assertThat(LinearSentimentModel.decide(0.9, 0.1, 1.0, without)).isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void cutsOutOfOrderAreRefused() {
    assertThatThrownBy(() -> Cuts.of(0.4, 0.3, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Cuts(0.5, 0.4, 0.8, 0.05, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
