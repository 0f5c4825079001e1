package pullquote.sentiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The base's matrices as the int8 graph reads them ({@link QuantisedGraph}): int8 values with a
 * scale per column, rounded here from the artifact's float32 (so the repository holds no second
 * copy) when a load makes its weights ({@link PreparedModel}).
 */
final class QuantisedWeights {

  /**
   * The full int8 range. On x86 processors without VNNI, ONNX Runtime's kernels add pairs of uint8
   * x int8 products in 16 bits, which a full-range weight can overflow (2 x 255 x 127 > 32,767), so
   * a borderline label may differ there. Seven bits (63, its "reduce range") cannot overflow, but
   * on dev they cost macro-F1 at equal priors (0.600 against 0.614) and turned a plainly positive
   * pinned text ("The best animated feature of the decade, bar none.") mixed.
   */
  static final int LEVELS = 127;

  private QuantisedWeights() {}

  /** The base's two-dimensional weights: the matrices its products may run in int8. */
  static Map<String, long[]> matrices(Map<String, long[]> shapes) {
    Map<String, long[]> matrices = new HashMap<>();
    shapes.forEach(
        (name, shape) -> {
          if (shape.length == 2) {
            matrices.put(name, shape);
          }
        });
    return matrices;
  }

  /**
   * A base matrix [inputs, outputs] as int8 values and a float32 scale per output column, in
   * little-endian bytes, as the base's weights are.
   */
  record Quantised(ByteBuffer values, ByteBuffer scales) {
    /** The scales as floats. */
    FloatBuffer scaleValues() {
      return scales.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }
  }

  /**
   * Symmetric, a scale per column: the column's largest magnitude maps to {@value #LEVELS}. Direct
   * buffers, as ONNX Runtime reads them in place.
   *
   * @throws IOException naming the matrix when a weight is not a finite number
   */
  static Quantised quantise(String name, FloatBuffer matrix, long[] shape) throws IOException {
    int rows = Math.toIntExact(shape[0]);
    int columns = Math.toIntExact(shape[1]);
    int size = Math.multiplyExact(rows, columns);
    float[] scales = new float[columns];
    for (int i = 0; i < size; i++) {
      float value = matrix.get(i);
      if (!Float.isFinite(value)) {
        throw new IOException("the base's weight " + name + " holds " + value);
      }
      scales[i % columns] = Math.max(scales[i % columns], Math.abs(value));
    }
    for (int j = 0; j < columns; j++) {
      scales[j] = scales[j] > 0 ? scales[j] / LEVELS : 1f;
    }
    ByteBuffer values = ByteBuffer.allocateDirect(size);
    for (int i = 0; i < size; i++) {
      float q = (float) Math.rint(matrix.get(i) / scales[i % columns]);
      values.put((byte) Math.max(-LEVELS, Math.min(LEVELS, q)));
    }
    ByteBuffer scaleBytes = ByteBuffer.allocateDirect(4 * columns).order(ByteOrder.LITTLE_ENDIAN);
    scaleBytes.asFloatBuffer().put(scales);
    return new Quantised(values.flip(), scaleBytes);
  }
}
