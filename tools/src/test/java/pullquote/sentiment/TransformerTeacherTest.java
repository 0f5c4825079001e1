package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled transformer as a teacher: each text gets the P(positive) it gets alone, in the order
 * given, whatever the lengths the runs are sorted by and the chunks the threads take.
 */
class TransformerTeacherTest {

  @Test
  void everyTextGetsItsOwnProbabilityInTheOrderGiven() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 40; i++) { // lengths out of order, more than a run of 16 in a chunk
      texts.add(
          i % 2 == 0
              ? "A warm, funny and beautifully acted film. ".repeat(1 + i % 5)
              : "Dull and overlong; the plot never comes alive. ".repeat(1 + (7 * i) % 4));
    }
    try (TransformerModel model = TransformerModel.bundled(TransformerModel.Precision.FLOAT32)) {
      double[] taught = new TransformerTeacher(model, 2, 24).positive(texts);

      assertThat(taught).hasSize(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        double alone = LogisticRegression.sigmoid(model.outputs(List.of(texts.get(i)))[0][0]);
        assertThat(taught[i]).as(texts.get(i)).isCloseTo(alone, within(1e-4));
      }
      assertThat(taught[0]).isGreaterThan(0.5);
      assertThat(taught[1]).isLessThan(0.5);
    }
  }
}
