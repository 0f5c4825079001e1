package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The transformer as the product runs it, its products by the base's matrices in int8: close to the
 * training pipeline's float32 log-odds on the pinned texts, with the same polarity wherever the
 * float32 model is not on the fence; a text's log-odds the same alone and among others; every
 * matrix product rewritten, the embeddings left alone; and the quantisation itself on a small
 * matrix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuantisedGraphTest {

  private TransformerModel model;
  private List<String> texts;
  private List<double[]> float32;

  @BeforeAll
  void load() throws IOException {
    model = TransformerModel.bundled();
    PinnedSample sample = PinnedSample.read();
    texts = sample.texts();
    float32 = sample.logits();
  }

  @AfterAll
  void close() {
    if (model != null) {
      model.close();
    }
  }

  @Test
  void inInt8EveryPinnedTextKeepsItsPolarityAndNearlyItsLogOdds() {
    double prior = model.manifest().polarityPrior();
    double total = 0;
    int compared = 0;
    for (int i = 0; i < texts.size(); i++) {
      float[] int8 = model.outputs(List.of(texts.get(i)))[0];
      double[] expected = float32.get(i);
      for (int k = 0; k < int8.length; k++) {
        // Over the 5,102 dev excerpts the largest difference was 1.5 and the mean 0.11.
        assertThat((double) int8[k]).as(texts.get(i)).isCloseTo(expected[k], within(1.0));
        total += Math.abs(int8[k] - expected[k]);
        compared++;
      }
      if (Math.abs(expected[0] - prior) > 1) {
        assertThat(int8[0] > prior).as(texts.get(i)).isEqualTo(expected[0] > prior);
      }
    }
    assertThat(total / compared)
        .as("int8 moves the log-odds a little, as float32 would not")
        .isBetween(1e-3, 0.25);
  }

  @Test
  void aTextHasTheSameLogOddsAloneAndAmongOthers() {
    float[][] together = model.outputsInRuns(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(together[i])
          .as(texts.get(i))
          .containsExactly(model.outputs(List.of(texts.get(i)))[0]);
    }
  }

  @Test
  void everyProductByABaseMatrixIsRewrittenAndTheEmbeddingsAreLeftAlone() throws IOException {
    byte[] onnx;
    try (var in = getClass().getResourceAsStream(TransformerModel.BUNDLED + "model.onnx")) {
      onnx = in.readAllBytes();
    }
    Map<String, long[]> matrices = QuantisedWeights.matrices(model.manifest().baseWeights());
    QuantisedGraph.Rewritten rewritten = QuantisedGraph.rewrite(onnx, matrices);
    Set<String> expected = new TreeSet<>(matrices.keySet());
    expected.removeAll(
        Set.of("embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight"));
    assertThat(rewritten.matrices()).hasSize(36).isEqualTo(expected);
    assertThat(QuantisedGraph.rewrite(rewritten.model(), matrices).matrices()).isEmpty();
  }

  @Test
  void eachColumnsLargestMagnitudeBecomes127() throws IOException {
    // [inputs 3, outputs 3]: columns (1, 0.25, -0.6), (-0.5, 0.1, 0), (0, 0, 0)
    FloatBuffer matrix = FloatBuffer.wrap(new float[] {1, -0.5f, 0, 0.25f, 0.1f, 0, -0.6f, 0, 0});
    QuantisedWeights.Quantised q = QuantisedWeights.quantise("m", matrix, new long[] {3, 3});
    ByteBuffer values = q.values();
    byte[] bytes = new byte[values.remaining()];
    values.duplicate().get(bytes);
    assertThat(bytes).containsExactly(127, -127, 0, 32, 25, 0, -76, 0, 0);
    assertThat(q.scaleValues().get(0)).isEqualTo(1f / 127);
    assertThat(q.scaleValues().get(1)).isEqualTo(0.5f / 127);
    assertThat(q.scaleValues().get(2)).isEqualTo(1f); // an all-zero column: any scale will do
  }

  @Test
  void aWeightThatIsNotANumberIsOneSentenceNamingIt() {
    FloatBuffer matrix = FloatBuffer.wrap(new float[] {1, Float.NaN});
    assertThatThrownBy(() -> QuantisedWeights.quantise("onnx::MatMul_1", matrix, new long[] {1, 2}))
        .isInstanceOf(IOException.class)
        .hasMessage("the base's weight onnx::MatMul_1 holds NaN");
  }
}
