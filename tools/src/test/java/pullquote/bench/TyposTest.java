package pullquote.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TyposTest {

  /** Optimal string alignment distance: edits and transpositions of adjacent letters. */
  static int damerau(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  @Test
  void theDistanceCountsATranspositionAsOneEdit() {
    assertThat(damerau("film", "flim")).isEqualTo(1);
    assertThat(damerau("film", "fil")).isEqualTo(1);
    assertThat(damerau("film", "film")).isZero();
    assertThat(damerau("film", "lfim")).isEqualTo(2);
  }

  @Test
  void everyEditIsExactlyOneDamerauEditFromTheWord() {
    Random random = new Random(3);
    for (String word : new String[] {"film", "book", "terrible", "abba", "zz", "mood"}) {
      if (!Typos.typable(word)) {
        continue;
      }
      for (Typos.Edit edit : Typos.Edit.values()) {
        for (int i = 0; i < 200; i++) {
          String slipped = Typos.apply(edit, word, random);
          assertThat(damerau(word, slipped)).as(edit + " " + word + " " + slipped).isEqualTo(1);
          int lengthChange =
              switch (edit) {
                case DELETION -> -1;
                case INSERTION -> 1;
                case SUBSTITUTION, TRANSPOSITION -> 0;
              };
          assertThat(slipped).hasSize(word.length() + lengthChange);
        }
      }
    }
  }

  @Test
  void aWrongLetterIsAKeyBesideTheRightOne() {
    Random random = new Random(5);
    for (int i = 0; i < 200; i++) {
      String slipped = Typos.apply(Typos.Edit.SUBSTITUTION, "qqqp", random);
      // q's neighbours are w and a; p's are o and l
      assertThat(slipped).matches("[qwa]{3}[pol]").isNotEqualTo("qqqp");
    }
  }

  @Test
  void slipsDrawEveryEdit() {
    Random random = new Random(9);
    Set<Integer> lengths = new java.util.HashSet<>();
    Set<Typos.Edit> seen = EnumSet.noneOf(Typos.Edit.class);
    for (int i = 0; i < 400; i++) {
      String slipped = Typos.slip("dialogue", random);
      lengths.add(slipped.length());
      if (slipped.length() == 8) {
        boolean sameLetters = sorted(slipped).equals(sorted("dialogue"));
        seen.add(sameLetters ? Typos.Edit.TRANSPOSITION : Typos.Edit.SUBSTITUTION);
      }
    }
    assertThat(lengths).containsExactlyInAnyOrder(7, 8, 9);
    assertThat(seen).containsExactlyInAnyOrder(Typos.Edit.TRANSPOSITION, Typos.Edit.SUBSTITUTION);
  }

  private static String sorted(String word) {
    char[] letters = word.toCharArray();
    java.util.Arrays.sort(letters);
    return new String(letters);
  }

  @Test
  void onlyPlainWordsOfFourLettersOrMoreNotAllOneLetterTakeTypos() {
    assertThat(Typos.typable("film")).isTrue();
    assertThat(Typos.typable("fun")).isFalse();
    assertThat(Typos.typable("film's")).isFalse();
    assertThat(Typos.typable("café")).isFalse();
    assertThat(Typos.typable("mmmm")).isFalse();
    assertThatThrownBy(() -> Typos.slip("fun", new Random(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
