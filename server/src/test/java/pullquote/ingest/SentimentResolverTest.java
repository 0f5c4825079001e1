package pullquote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;
import pullquote.sentiment.TextSentimentModel;

class SentimentResolverTest {

  private final List<String> modelCalls = new ArrayList<>();
  private final TextSentimentModel model =
      text -> {
        modelCalls.add(text);
        return new TextSentimentModel.Prediction(
            Sentiment.MIXED, 0.42, 0.3, 0.42, 0.28, List.of("uneven", "but"));
      };
  private final SentimentResolver resolver = new SentimentResolver(model);

  @Test
  void scoreBeatsLabelPageAndModel() {
    var decision = resolver.resolve(30, "fresh", Sentiment.POSITIVE, "A brilliant triumph.");

    assertThat(decision)
        .isEqualTo(
            new SentimentResolver.Decision(
                Sentiment.NEGATIVE, SentimentSource.SCORE, null, List.of()));
    assertThat(modelCalls).isEmpty();
  }

  @Test
  void scoreBandsAreMetacriticFilmBands() {
    assertThat(resolver.resolve(61, null, null, "x").sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(resolver.resolve(60, null, null, "x").sentiment()).isEqualTo(Sentiment.MIXED);
    assertThat(resolver.resolve(40, null, null, "x").sentiment()).isEqualTo(Sentiment.MIXED);
    assertThat(resolver.resolve(39, null, null, "x").sentiment()).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void labelBeatsPageAndModel() {
    var decision = resolver.resolve(null, " Rotten ", Sentiment.POSITIVE, "A brilliant triumph.");

    assertThat(decision)
        .isEqualTo(
            new SentimentResolver.Decision(
                Sentiment.NEGATIVE, SentimentSource.LABEL, null, List.of()));
    assertThat(resolver.resolve(null, "FRESH", null, "x").sentiment())
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(resolver.resolve(null, "neutral", null, "x").sentiment()).isEqualTo(Sentiment.MIXED);
    assertThat(modelCalls).isEmpty();
  }

  @Test
  void unknownLabelFallsThroughToPage() {
    var decision = resolver.resolve(null, "meh", Sentiment.POSITIVE, "text");

    assertThat(decision)
        .isEqualTo(
            new SentimentResolver.Decision(
                Sentiment.POSITIVE, SentimentSource.PAGE, null, List.of()));
    assertThat(modelCalls).isEmpty();
  }

  @Test
  void modelDecidesOnlyWhenNothingElseDoesAndReportsItsConfidence() {
    var decision = resolver.resolve(null, null, null, "Some words.");

    assertThat(decision)
        .isEqualTo(
            new SentimentResolver.Decision(
                Sentiment.MIXED, SentimentSource.MODEL, 0.42, List.of("uneven", "but")));
    assertThat(modelCalls).containsExactly("Some words.");
  }
}
