package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LexiconSentimentModelTest {

  private final LexiconSentimentModel model = LexiconSentimentModel.bundled();

  @Test
  void glowingTextIsPositive() {
    var prediction =
        model.classify(
            "A brilliant, gripping triumph: superb performances, a stunning score and a"
                + " beautifully judged finale. A masterpiece.");

    assertThat(prediction.sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(prediction.confidence()).isGreaterThan(0.9);
  }

  @Test
  void scathingTextIsNegative() {
    var prediction =
        model.classify(
            "A dull, tedious mess: boring, lifeless and pointless, easily the worst film of"
                + " the year and a waste of a fine cast.");

    assertThat(prediction.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(prediction.confidence()).isGreaterThan(0.9);
  }

  @Test
  void negationFlipsThePraiseThatFollowsIt() {
    assertThat(model.classify("It is good.").sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(model.classify("It is not good.").sentiment()).isNotEqualTo(Sentiment.POSITIVE);
    assertThat(model.classify("not good").sentiment()).isNotEqualTo(Sentiment.POSITIVE);
    assertThat(model.classify("Never brilliant, never stunning, never great.").sentiment())
        .isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void negationFlipsCriticismToo() {
    assertThat(model.classify("Boring.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(model.classify("Never boring.").sentiment()).isNotEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void curlyApostropheContractionNegates() {
    assertThat(model.classify("It isn\u2019t good.").sentiment()).isNotEqualTo(Sentiment.POSITIVE);
    assertThat(model.classify("It doesn't work, it isn't great.").sentiment())
        .isNotEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void negationReachesOnlyThreeWords() {
    var model = new LexiconSentimentModel(Map.of("great", 2.0));

    assertThat(model.classify("not one two great").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(model.classify("not one two three great").sentiment()).isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void accentsAreFoldedBeforeLookup() {
    var model = new LexiconSentimentModel(Map.of("cliches", -3.0));

    assertThat(model.classify("Clich\u00e9s.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void textPullingBothWaysIsMixed() {
    assertThat(
            model
                .classify(
                    "Brilliant performances and a gripping first act, but a dull, tedious script.")
                .sentiment())
        .isEqualTo(Sentiment.MIXED);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "12345 !!!", "The film runs ninety minutes."})
  void textWithoutSentimentWordsIsMixedAndNeverFails(String text) {
    var prediction = model.classify(text);

    assertThat(prediction.sentiment()).isEqualTo(Sentiment.MIXED);
    assertThat(prediction.confidence()).isBetween(0.0, 1.0);
  }
}
