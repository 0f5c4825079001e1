package pullquote.sentiment;

import static ai.onnxruntime.OnnxJavaType.FLOAT;
import static ai.onnxruntime.OnnxJavaType.INT8;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a load makes of the model and the base: the graph ONNX Runtime runs (rewritten for int8,
 * {@link QuantisedGraph}), the base's weights it reads, by name (a rewritten matrix as its int8
 * values and column scales, {@link QuantisedWeights}; the rest as the artifact's float32), and the
 * tokenizer's vocabulary. Made from the model and the base, or read back from where an earlier load
 * kept it ({@link PreparedCache}); the two give ONNX Runtime and the tokenizer the same values.
 *
 * @param graph the ONNX graph, whose base weights are supplied as the session's initializers
 * @param vocabulary the tokenizer's, token to id
 */
record PreparedModel(byte[] graph, Map<String, Weight> weights, Map<String, Integer> vocabulary) {

  /**
   * One of the base's weights: its values in a direct buffer (ONNX Runtime reads it in place), as
   * little-endian bytes: one a value in int8, four in float32.
   */
  record Weight(OnnxJavaType type, long[] shape, ByteBuffer data) {
    Weight {
      if (type != INT8 && type != FLOAT) {
        throw new IllegalArgumentException("a weight is int8 or float32, not " + type);
      }
      if (!data.isDirect()) {
        throw new IllegalArgumentException("a weight's buffer must be direct");
      }
      long count = type == INT8 ? 1 : 4;
      for (long dim : shape) {
        count = Math.multiplyExact(count, dim);
      }
      if (count != data.remaining()) {
        throw new IllegalArgumentException(
            "a weight of shape "
                + java.util.Arrays.toString(shape)
                + " in "
                + data.remaining()
                + " bytes");
      }
      shape = shape.clone();
    }

    @Override
    public long[] shape() {
      return shape.clone();
    }

    /** The values of a float32 weight. */
    FloatBuffer floats() {
      return data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }
  }

  PreparedModel {
    weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    vocabulary = java.util.Collections.unmodifiableMap(vocabulary);
  }

  /** The tokenizer over its vocabulary. */
  WordPieceTokenizer tokenizer() {
    return WordPieceTokenizer.of(vocabulary);
  }

  /** The model's graph, rewritten for int8 ({@link QuantisedGraph}) or, in float32, as it is. */
  static QuantisedGraph.Rewritten graph(byte[] model, Map<String, long[]> shapes, boolean int8)
      throws IOException {
    return int8
        ? QuantisedGraph.rewrite(model, QuantisedWeights.matrices(shapes))
        : new QuantisedGraph.Rewritten(model, Set.of());
  }

  /**
   * Makes it: the base's weights read from the artifact, the matrices the graph now multiplies in
   * int8 rounded to int8, and the artifact's tokenizer.
   *
   * @param graph the model's graph ({@link #graph})
   * @param shapes the base's weights the model names, with their shapes (its manifest's)
   */
  static PreparedModel prepare(QuantisedGraph.Rewritten graph, Map<String, long[]> shapes)
      throws IOException {
    Map<String, Integer> vocabulary;
    try (var in = BaseModel.tokenizer()) {
      vocabulary = WordPieceTokenizer.read(in).vocabulary();
    }
    Map<String, Weight> weights = new LinkedHashMap<>();
    for (var weight : BaseModel.weights(shapes).entrySet()) {
      String name = weight.getKey();
      long[] shape = shapes.get(name);
      if (graph.matrices().contains(name)) {
        FloatBuffer matrix =
            weight.getValue().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        QuantisedWeights.Quantised q = QuantisedWeights.quantise(name, matrix, shape);
        weights.put(name + QuantisedGraph.VALUES, new Weight(INT8, shape, q.values()));
        weights.put(
            name + QuantisedGraph.SCALES, new Weight(FLOAT, new long[] {shape[1]}, q.scales()));
      } else {
        weights.put(name, new Weight(FLOAT, shape, weight.getValue()));
      }
    }
    return new PreparedModel(graph.model(), weights, vocabulary);
  }

  /**
   * The weights as the session's initializers, over the same buffers. Each tensor is also added to
   * {@code made}, for closing.
   */
  Map<String, OnnxTensorLike> tensors(OrtEnvironment environment, List<OnnxTensor> made)
      throws OrtException {
    Map<String, OnnxTensorLike> initializers = new LinkedHashMap<>();
    for (var entry : weights.entrySet()) {
      Weight weight = entry.getValue();
      OnnxTensor tensor =
          weight.type() == INT8
              ? OnnxTensor.createTensor(
                  environment, weight.data().duplicate(), weight.shape(), INT8)
              : OnnxTensor.createTensor(environment, weight.floats(), weight.shape());
      made.add(tensor);
      initializers.put(entry.getKey(), tensor);
    }
    return initializers;
  }
}
