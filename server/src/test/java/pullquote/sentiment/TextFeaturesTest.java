package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFeaturesTest {

  @Test
  void negationMarksWordsUntilTheNextClauseBreak() {
    assertThat(TextFeatures.words("It is not funny or smart, but the cast is good."))
        .containsExactly(
            "it",
            "is",
            "not",
            "not_funny",
            "not_or",
            "not_smart",
            "but",
            "the",
            "cast",
            "is",
            "good");
  }

  @Test
  void contractionsAndSplitContractionsNegate() {
    assertThat(TextFeatures.words("It doesn't work")).containsExactly("it", "doesn't", "not_work");
    assertThat(TextFeatures.words("it does n't work ."))
        .containsExactly("it", "does", "n't", "not_work");
    assertThat(TextFeatures.words("It isn’t dull")).containsExactly("it", "isn't", "not_dull");
  }

  @Test
  void textIsFoldedAndMarkupDropped() {
    assertThat(TextFeatures.words("Clichéd <b>ÉCLAT</b> &amp; fun<br/>"))
        .containsExactly("cliched", "eclat", "fun");
  }

  @Test
  void htmlEntitiesAreDecodedSoNegationAndClausesStillWork() {
    assertThat(TextFeatures.words("It isn&#8217;t good&#44; but fun"))
        .containsExactly("it", "isn't", "not_good", "but", "fun");
    assertThat(TextFeatures.words("Don&#x27;t go &amp; hide"))
        .containsExactly("don't", "not_go", "not_hide");
    assertThat(TextFeatures.words("&bogus; &#9999999;")).isEmpty();
  }

  @Test
  void featuresAreWordsBigramsAndCharacterGrams() {
    assertThat(TextFeatures.features("not dull"))
        .containsExactly(
            "not",
            "not_dull",
            "not not_dull",
            "#<not>",
            "#<not_",
            "#not_d",
            "#ot_du",
            "#t_dul",
            "#_dull",
            "#dull>");
  }

  @Test
  void featuresReadAsWords() {
    assertThat(TextFeatures.readable("not_dull")).isEqualTo("not dull");
    assertThat(TextFeatures.readable("very not_good")).isEqualTo("very not good");
    assertThat(TextFeatures.readable("didn't not_like")).isEqualTo("didn't like");
    assertThat(TextFeatures.readable("#<dull")).isEqualTo("dull…");
    assertThat(TextFeatures.readable("#ndid>")).isEqualTo("…ndid");
  }

  @Test
  void anyTextGivesFeaturesWithoutFailing() {
    assertThat(TextFeatures.features("")).isEmpty();
    assertThat(TextFeatures.features(null)).isEmpty();
    assertThat(TextFeatures.features("!!! ??? ...")).isEmpty();
    String huge = "word ".repeat(1_000_000);
    assertThat(TextFeatures.words(huge)).hasSize(TextFeatures.MAX_CHARS / 5);
  }
}
