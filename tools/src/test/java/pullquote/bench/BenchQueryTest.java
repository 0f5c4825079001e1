package pullquote.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchQueryTest {

  private static BenchQuery typo(List<String> words, int at, String meant) {
    return new BenchQuery(QueryClass.TYPO, words, null, null, new BenchQuery.Typo(at, meant));
  }

  @Test
  void aTypoQuerySaysWhichWordIsMisspeltAndWhatWasMeant() {
    BenchQuery q = typo(List.of("pretty", "picures"), 1, "pictures");
    assertThat(q.misspelt()).isEqualTo("picures");
    assertThat(q.typedRight()).isEqualTo("pretty");
    assertThat(q.q()).isEqualTo("pretty picures");
    assertThat(q.queryString(false)).isEqualTo("q=pretty+picures&facets=false&highlight=false");
  }

  @Test
  void onlyATypoQueryMisspellsAndItMisspellsOneOfItsTwoWords() {
    assertThatThrownBy(() -> new BenchQuery(QueryClass.TYPO, List.of("a", "b"), null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new BenchQuery(
                    QueryClass.AND, List.of("a", "b"), null, null, new BenchQuery.Typo(0, "c")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> typo(List.of("pretty", "picures"), 2, "pictures"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> typo(List.of("pretty", "picures", "drab"), 1, "pictures"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> typo(List.of("pretty", "pictures"), 1, "pictures"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BenchQuery.Typo(-1, "pictures"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BenchQuery(QueryClass.WORD, List.of("a"), null, null).misspelt())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRelaxedQueryIsThreeDifferentWords() {
    assertThat(new BenchQuery(QueryClass.RELAXED, List.of("a", "b", "c"), null, null).q())
        .isEqualTo("a b c");
    assertThatThrownBy(() -> new BenchQuery(QueryClass.RELAXED, List.of("a", "b"), null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BenchQuery(QueryClass.RELAXED, List.of("a", "b", "a"), null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
