package pullquote.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteWordsTest {

  @Test
  void wordsAreTypedWithoutOuterPunctuationKeepingInnerApostrophesAndHyphens() {
    assertThat(QuoteWords.of("The film's \"cool-looking\" finale -- in 1999, (sadly)..."))
        .containsExactly("the", "film's", "cool-looking", "finale", null, "in", null, "sadly");
  }

  @Test
  void tokensNobodyTypesAreNoWords() {
    assertThat(QuoteWords.typed("end.the")).isNull();
    assertThat(QuoteWords.typed("didn&#8217;t")).isNull();
    assertThat(QuoteWords.typed("1999")).isNull();
    assertThat(QuoteWords.typed("—")).isNull();
    assertThat(QuoteWords.typed("it’s")).isEqualTo("it's");
    assertThat(QuoteWords.typed("3D")).isEqualTo("3d");
  }

  @Test
  void aSurnameIsTheLastWordOfACriticsNameThatIsAName() {
    assertThat(review("Noel Murray").surname()).isEqualTo("murray");
    assertThat(review("Felix Vasquez Jr.").surname()).isEqualTo("vasquez");
    assertThat(review("Michael W. Phillips, Jr.").surname()).isEqualTo("phillips");
    assertThat(review("Paul Clinton (CNN.com)").surname()).isEqualTo("clinton");
    assertThat(review("Variety Staff").surname()).isNull();
    assertThat(review(null).surname()).isNull();
  }

  @Test
  void aRunStopsAtTokensThatAreNoWords() {
    SourceReview review = review("Noel Murray");
    assertThat(review.words()).hasSize(7);
    assertThat(review.run(0, 3)).containsExactly("a", "lean", "tense");
    assertThat(review.run(2, 3)).isNull();
    assertThat(review.run(4, 3)).isNull();
    assertThat(review.run(5, 2)).containsExactly("thriller's", "end");
    assertThat(review.run(5, 3)).as("past the end").isNull();
  }

  private static SourceReview review(String critic) {
    return SourceReview.of(0, "r1", "A lean, tense -- 2003 thriller's end.", critic);
  }
}
