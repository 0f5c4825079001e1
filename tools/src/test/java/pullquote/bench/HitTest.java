package pullquote.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HitTest {

  private static final Hit TARGET = new Hit("t", "The target's text.");
  private static final Hit OTHER = new Hit("o1", "Another text.");
  private static final Hit ANOTHER = new Hit("o2", "Yet another text.");

  @Test
  void theTargetFirstRanksOne() {
    assertThat(TARGET.rankIn(List.of(TARGET, OTHER, ANOTHER))).isEqualTo(1);
  }

  @Test
  void theTargetThirdRanksThree() {
    assertThat(TARGET.rankIn(List.of(OTHER, ANOTHER, TARGET))).isEqualTo(3);
  }

  @Test
  void aMissingTargetHasNoRank() {
    assertThat(TARGET.rankIn(List.of(OTHER, ANOTHER))).isNull();
    assertThat(TARGET.rankIn(List.of())).isNull();
  }

  @Test
  void aCopyOfTheTargetsTextUnderAnotherIdIsTheTarget() {
    Hit copy = new Hit("copy-from-another-collection", TARGET.text());
    assertThat(TARGET.rankIn(List.of(OTHER, copy, TARGET))).isEqualTo(2);
  }

  @Test
  void theTargetsIdWithAnotherTextIsStillTheTarget() {
    assertThat(TARGET.rankIn(List.of(OTHER, new Hit("t", "edited since")))).isEqualTo(2);
  }

  @Test
  void outcomesTellFirstTopThreeAndNothingFound() {
    var first = new RankedAnswer(List.of(TARGET, OTHER), 2).outcomeFor(TARGET);
    assertThat(first.first()).isTrue();
    assertThat(first.inTop3()).isTrue();
    assertThat(first.zeroHit()).isFalse();
    var third = new RankedAnswer(List.of(OTHER, ANOTHER, TARGET), 40).outcomeFor(TARGET);
    assertThat(third.rank()).isEqualTo(3);
    assertThat(third.first()).isFalse();
    assertThat(third.inTop3()).isTrue();
    var fourth =
        new RankedAnswer(List.of(OTHER, ANOTHER, new Hit("o3", "x"), TARGET), 4).outcomeFor(TARGET);
    assertThat(fourth.inTop3()).isFalse();
    var none = new RankedAnswer(List.of(), 0).outcomeFor(TARGET);
    assertThat(none.rank()).isNull();
    assertThat(none.zeroHit()).isTrue();
    assertThat(none.inTop3()).isFalse();
  }
}
