package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import pullquote.ingest.SentimentResolver;

/**
 * The accurate tier with the bundled linear model and transformer: loaded only when a review has
 * nothing but its words, recorded as {@code model:transformer}, and deciding pinned texts (written
 * for this test) as a reader would.
 */
class AccurateSentimentModelTest {

  private final AtomicInteger loads = new AtomicInteger();
  private final AccurateSentimentModel accurate =
      new AccurateSentimentModel(
          LinearSentimentModel.bundled(),
          () -> {
            loads.incrementAndGet();
            return TransformerModel.bundled();
          });
  private final SentimentResolver resolver = new SentimentResolver(accurate);

  @Test
  void theTransformerLoadsOnlyForAReviewWithNothingButItsWords() {
    assertThat(resolver.resolve(80, null, null, "A triumph.").source())
        .isEqualTo(SentimentSource.SCORE);
    assertThat(resolver.resolve(null, "rotten", null, "A triumph.").source())
        .isEqualTo(SentimentSource.LABEL);
    assertThat(resolver.resolve(null, null, Sentiment.MIXED, "A triumph.").source())
        .isEqualTo(SentimentSource.PAGE);
    assertThat(loads).hasValue(0);
    var decision = resolver.resolve(null, null, null, "A triumph, warm and funny.");
    assertThat(decision.source()).isEqualTo(SentimentSource.TRANSFORMER);
    assertThat(decision.source().key()).isEqualTo("model:transformer");
    resolver.resolve(null, null, null, "Another text.");
    assertThat(loads).hasValue(1);
  }

  @Test
  void textsDecidedTogetherGetTheDecisionsTheyGetAlone() {
    var texts =
        java.util.List.of(
            "Uneven but often charming, with a terrific lead performance and a muddled script.",
            "A triumph.",
            "Dull, overlong and badly acted; I checked my watch twice.",
            "It has its moments, but the second half drags and the ending fizzles.",
            "An unpretentious delight.");
    var together = accurate.classifyAll(texts);
    assertThat(together).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      var alone = accurate.classify(texts.get(i));
      assertThat(together.get(i).sentiment()).as(texts.get(i)).isEqualTo(alone.sentiment());
      assertThat(together.get(i).positive()).isCloseTo(alone.positive(), within(1e-4));
      assertThat(together.get(i).evidence()).isEqualTo(alone.evidence());
    }
  }

  @Test
  void pinnedTextsAreDecidedAsAReaderWouldWithTheLinearModelsWordsAsEvidence() {
    assertThat(accurate.classify("The best animated feature of the decade, bar none."))
        .satisfies(p -> assertThat(p.sentiment()).isEqualTo(Sentiment.POSITIVE));
    assertThat(accurate.classify("Dull, overlong and badly acted; I checked my watch twice."))
        .satisfies(
            p -> {
              assertThat(p.sentiment()).isEqualTo(Sentiment.NEGATIVE);
              assertThat(p.evidence()).isNotEmpty();
            });
    assertThat(accurate.classify("The worst sequel yet, and that is saying something."))
        .satisfies(p -> assertThat(p.sentiment()).isEqualTo(Sentiment.NEGATIVE));
    assertThat(accurate.classify("An unpretentious delight."))
        .satisfies(p -> assertThat(p.sentiment()).isEqualTo(Sentiment.POSITIVE));
    for (String mixed :
        java.util.List.of(
            "It has its moments, but the second half drags and the ending fizzles.",
            "Uneven but often charming, with a terrific lead performance and a muddled script.")) {
      assertThat(accurate.classify(mixed).sentiment()).as(mixed).isEqualTo(Sentiment.MIXED);
    }
  }
}
