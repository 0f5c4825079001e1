package pullquote.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteWidthValuesTest {

  @Test
  void everyWidthReadsBackWhatWasSetAcrossPagesWithoutTouchingItsNeighbours() {
    int size = (1 << 15) * 2 + 3; // two full pages and a short third
    for (int bits = 1; bits <= 64; bits++) {
      long mask = bits == 64 ? -1L : (1L << bits) - 1;
      var values = new ByteWidthValues(size, bits);
      long[] expected = new long[size];
      SplittableRandom random = new SplittableRandom(bits);
      // set from the last to the first, so a write spilling into the next value is not overwritten
      for (int i = size - 1; i >= 0; i--) {
        expected[i] = random.nextLong() & mask;
        values.set(i, expected[i]);
      }
      for (int i = 0; i < size; i++) {
        assertThat(values.get(i)).as("bits %d, index %d", bits, i).isEqualTo(expected[i]);
      }
    }
  }

  @Test
  void anEmptyStoreAndOutOfRangeWidths() {
    assertThatNoException().isThrownBy(() -> new ByteWidthValues(0, 38));
    assertThatThrownBy(() -> new ByteWidthValues(10, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ByteWidthValues(10, 65))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
