package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static pullquote.sentiment.RatingScale.Context.EXPORT;
import static pullquote.sentiment.RatingScale.Context.PAGE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RatingScaleTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "3/4 | 75",
        "3.5/5 | 70",
        "8/10 | 80",
        "70/100 | 70",
        "2.5/4 | 63",
        "0/4 | 0",
        "4/4 | 100",
        "3 / 4 | 75",
        "3 out of 4 | 75",
        "2 of 5 | 40",
        "3.5 out of 5 stars | 70",
        "4 stars | 80",
        "1 star | 20"
      })
  void fractionsOnAnyDenominatorScaleTo100(String raw, int expected) {
    assertThat(RatingScale.normalise(raw, EXPORT)).contains(expected);
    assertThat(RatingScale.normalise(raw, PAGE)).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "A+ | 100",
        "A | 100",
        "A- | 91",
        "B+ | 83",
        "B | 75",
        "B- | 67",
        "C+ | 58",
        "C | 50",
        "C- | 42",
        "D+ | 33",
        "D | 25",
        "D- | 16",
        "F+ | 8",
        "F | 0",
        "F- | 0"
      })
  void letterGradesFollowMetacriticMapping(String raw, int expected) {
    assertThat(RatingScale.normalise(raw, EXPORT)).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "B-plus | 83",
        "B plus | 83",
        "C + | 58",
        "A minus | 91",
        "a-minus | 91",
        "b+ | 83",
        "d - | 16"
      })
  void spelledAndSpacedLetterGradesMeanTheSameAsSymbols(String raw, int expected) {
    assertThat(RatingScale.normalise(raw, EXPORT)).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "★★★☆☆ | 60",
        "★★★★★ | 100",
        "☆☆☆☆ | 0",
        "★★★½ | 70",
        "★★★½☆ | 70",
        "★½☆☆ | 38",
        "**** | 80",
        "★ ★ ★ | 60"
      })
  void starGlyphsCountFilledAgainstAllStarsOrFiveWhenNoneAreEmpty(String raw, int expected) {
    assertThat(RatingScale.normalise(raw, EXPORT)).contains(expected);
  }

  @Test
  void bareNumberOnAPageIsAlreadyOutOf100() {
    assertThat(RatingScale.normalise("80", PAGE)).contains(80);
    assertThat(RatingScale.normalise("7", PAGE)).contains(7);
    assertThat(RatingScale.normalise("0", PAGE)).contains(0);
    assertThat(RatingScale.normalise("100", PAGE)).contains(100);
  }

  @Test
  void smallBareNumberInAnExportIsAmbiguousAndLeftUnscored() {
    assertThat(RatingScale.normalise("7", EXPORT)).isEmpty();
    assertThat(RatingScale.normalise("10", EXPORT)).isEmpty();
    assertThat(RatingScale.normalise("3.5", EXPORT)).isEmpty();
  }

  @Test
  void largerBareNumberOrPercentInAnExportIsReadAsOutOf100() {
    assertThat(RatingScale.normalise("85", EXPORT)).contains(85);
    assertThat(RatingScale.normalise("11", EXPORT)).contains(11);
    assertThat(RatingScale.normalise("7%", EXPORT)).contains(7);
    assertThat(RatingScale.normalise("92.6", EXPORT)).contains(93);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Big Screen Watch", "", "   ", "E", "G", "4/four", "★★x", "3/4/5"})
  @NullSource
  void unreadableGradesGiveNoScore(String raw) {
    assertThat(RatingScale.normalise(raw, EXPORT)).isEmpty();
    assertThat(RatingScale.normalise(raw, PAGE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"5/4", "11/10", "101/100", "6 stars", "3/0", "0/0", "101", "250"})
  void valuesAboveTheirScaleGiveNoScore(String raw) {
    assertThat(RatingScale.normalise(raw, EXPORT)).isEmpty();
    assertThat(RatingScale.normalise(raw, PAGE)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(RatingScale.Context.class)
  void surroundingWhitespaceAndQuotesAreIgnored(RatingScale.Context context) {
    assertThat(RatingScale.normalise("  \"B+\"  ", context)).contains(83);
    assertThat(RatingScale.normalise(" 8/10 ", context)).contains(80);
    assertThat(RatingScale.normalise("'3/4'", context)).contains(75);
  }
}
