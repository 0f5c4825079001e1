package pullquote.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CounterpartsTest {

  @Test
  void spellingsGoBothWays() {
    Counterparts spellings = Counterparts.load(Counterparts.SPELLINGS);
    assertThat(spellings.of("colour")).containsExactly("color");
    assertThat(spellings.of("color")).containsExactly("colour");
    assertThat(spellings.of("theatre")).containsExactly("theater");
    assertThat(spellings.of("realize")).containsExactly("realise");
    assertThat(spellings.of("dialogue")).containsExactly("dialog");
    assertThat(spellings.of("traveled")).containsExactly("travelled");
    assertThat(spellings.has("four")).isFalse();
    assertThat(spellings.of("four")).isEmpty();
  }

  @Test
  void synonymsStandForEveryOtherWordOfTheirGroup() {
    Counterparts synonyms = Counterparts.load(Counterparts.SYNONYMS);
    assertThat(synonyms.of("film")).containsExactly("movie", "picture", "flick");
    assertThat(synonyms.of("flick")).containsExactly("film", "movie", "picture");
    assertThat(synonyms.of("director")).containsExactly("filmmaker");
    assertThat(synonyms.of("awful")).containsExactly("terrible");
  }

  @Test
  void commentsAndBlankLinesAreSkippedAndAWordInTwoGroupsIsRefused() {
    Counterparts parsed = Counterparts.parse(List.of("# a comment", "", "grey gray  # trailing"));
    assertThat(parsed.of("grey")).containsExactly("gray");
    assertThatThrownBy(() -> Counterparts.parse(List.of("grey gray", "gray grau")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gray");
    assertThatThrownBy(() -> Counterparts.parse(List.of("alone")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
