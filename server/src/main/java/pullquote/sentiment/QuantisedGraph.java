package pullquote.sentiment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The accurate tier run in 8-bit integers: the fine-tuned graph with each product by one of the
 * base's matrices turned into ONNX Runtime's {@code DynamicQuantizeMatMul}, which reads the matrix
 * as int8 with a scale per column and its input as uint8 with a scale per run. It took the tier
 * from ~7.5 to ~2.9 ms an excerpt on one core (classify, RT snippets); on the dev split the summed
 * decision did not move beyond noise (balanced accuracy 0.841 as float32, 0.843 in int8), so the
 * cuts tuned for float32 serve. The low-rank corrections, the embeddings and everything else stay
 * float32.
 *
 * <p>The input's scale is taken over the whole run, so a text run beside others would get log-odds
 * that depend on them: the model runs each text alone ({@link TransformerModel#outputsInRuns}).
 *
 * <p>The graph the training pipeline wrote is kept as it is (its float32 log-odds are what the
 * parity test compares); this rewrites it at load, and {@link QuantisedWeights} rounds the matrices
 * from the base's float32 weights, so the repository holds no second copy of anything.
 */
final class QuantisedGraph {

  /** The suffixes of the initializers that replace a base matrix {@code m}. */
  static final String VALUES = ":int8";

  static final String SCALES = ":scale";

  private static final String OP = "DynamicQuantizeMatMul";
  private static final String DOMAIN = "com.microsoft";

  // onnx.proto's field numbers (ModelProto's graph and opset_import; GraphProto's node and
  // initializer; NodeProto's input, op_type and domain; TensorProto's dims, data_type, name,
  // external_data and data_location; StringStringEntryProto's; OperatorSetIdProto's) and values
  // (TensorProto.DataType FLOAT and INT8; DataLocation EXTERNAL).
  private static final int MODEL_GRAPH = 7;
  private static final int MODEL_OPSET_IMPORT = 8;
  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int NODE_INPUT = 1;
  private static final int NODE_OP_TYPE = 4;
  private static final int NODE_DOMAIN = 7;
  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_DATA_TYPE = 2;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_EXTERNAL_DATA = 13;
  private static final int TENSOR_DATA_LOCATION = 14;
  private static final int ENTRY_KEY = 1;
  private static final int ENTRY_VALUE = 2;
  private static final int FLOAT_TYPE = 1;
  private static final int INT8_TYPE = 3;
  private static final int EXTERNAL = 1;
  private static final int OPSET_DOMAIN = 1;
  private static final int OPSET_VERSION = 2;

  /**
   * @param model the ONNX file rewritten
   * @param matrices the base matrices whose products now run in int8 (each supplied as {@code
   *     m:int8} and {@code m:scale}, see {@link QuantisedWeights#tensors})
   */
  record Rewritten(byte[] model, Set<String> matrices) {}

  private QuantisedGraph() {}

  /**
   * The model with every MatMul whose second input is one of {@code candidates} (name to shape) run
   * in int8. Those matrices' float32 initializers give way to their int8 values' and scales', which
   * ONNX Runtime, like the base's other weights, takes from the session's options (as data kept
   * elsewhere, which it never reads when the options supply it).
   */
  static Rewritten rewrite(byte[] model, Map<String, long[]> candidates) throws IOException {
    Set<String> rewritten = new TreeSet<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream(model.length);
    ProtobufFields fields = new ProtobufFields(ByteBuffer.wrap(model));
    int start = fields.position();
    while (fields.next()) {
      if (fields.number() == MODEL_GRAPH && fields.wireType() == ProtobufFields.LENGTH_DELIMITED) {
        message(out, MODEL_GRAPH, graph(fields.bytes(), candidates, rewritten));
      } else {
        fields.skip();
        copy(out, fields.span(start));
      }
      start = fields.position();
    }
    if (rewritten.isEmpty()) {
      return new Rewritten(model, rewritten);
    }
    ByteArrayOutputStream opset = new ByteArrayOutputStream(); // the graph's first contrib op
    string(opset, OPSET_DOMAIN, DOMAIN);
    tag(opset, OPSET_VERSION, ProtobufFields.VARINT);
    varint(opset, 1);
    message(out, MODEL_OPSET_IMPORT, opset.toByteArray());
    return new Rewritten(out.toByteArray(), rewritten);
  }

  private static byte[] graph(
      ByteBuffer graph, Map<String, long[]> candidates, Set<String> rewritten) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(graph.remaining());
    List<ByteBuffer> initializers = new ArrayList<>();
    ProtobufFields fields = new ProtobufFields(graph);
    int start = fields.position();
    while (fields.next()) {
      boolean message = fields.wireType() == ProtobufFields.LENGTH_DELIMITED;
      if (message && fields.number() == GRAPH_NODE) {
        ByteBuffer node = fields.bytes();
        byte[] quantised = node(node, candidates, rewritten);
        if (quantised == null) {
          copy(out, fields.span(start));
        } else {
          message(out, GRAPH_NODE, quantised);
        }
      } else if (message && fields.number() == GRAPH_INITIALIZER) {
        fields.bytes();
        initializers.add(fields.span(start)); // kept until every node is read: see below
      } else {
        fields.skip();
        copy(out, fields.span(start));
      }
      start = fields.position();
    }
    for (ByteBuffer initializer : initializers) {
      String name = initializerName(initializer);
      if (!rewritten.contains(name)) {
        copy(out, initializer);
        continue;
      }
      long[] shape = candidates.get(name);
      message(out, GRAPH_INITIALIZER, declared(name + VALUES, INT8_TYPE, shape));
      message(out, GRAPH_INITIALIZER, declared(name + SCALES, FLOAT_TYPE, new long[] {shape[1]}));
    }
    return out.toByteArray();
  }

  /** An initializer whose values the session's options supply, as the base's are declared. */
  private static byte[] declared(String name, int type, long[] shape) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long dim : shape) {
      tag(out, TENSOR_DIMS, ProtobufFields.VARINT);
      varint(out, dim);
    }
    tag(out, TENSOR_DATA_TYPE, ProtobufFields.VARINT);
    varint(out, type);
    string(out, TENSOR_NAME, name);
    ByteArrayOutputStream location = new ByteArrayOutputStream();
    string(location, ENTRY_KEY, "location");
    string(location, ENTRY_VALUE, BaseModel.FILE);
    message(out, TENSOR_EXTERNAL_DATA, location.toByteArray());
    tag(out, TENSOR_DATA_LOCATION, ProtobufFields.VARINT);
    varint(out, EXTERNAL);
    return out.toByteArray();
  }

  /** The node in int8 when it multiplies by a candidate matrix; else null (kept as it is). */
  private static byte[] node(ByteBuffer node, Map<String, long[]> candidates, Set<String> rewritten)
      throws IOException {
    List<String> inputs = new ArrayList<>();
    String op = "";
    ProtobufFields fields = new ProtobufFields(node);
    while (fields.next()) {
      switch (fields.number()) {
        case NODE_INPUT -> inputs.add(fields.string());
        case NODE_OP_TYPE -> op = fields.string();
        default -> fields.skip();
      }
    }
    if (!op.equals("MatMul") || inputs.size() != 2 || !candidates.containsKey(inputs.get(1))) {
      return null;
    }
    String matrix = inputs.get(1);
    rewritten.add(matrix);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String input : List.of(inputs.get(0), matrix + VALUES, matrix + SCALES)) {
      string(out, NODE_INPUT, input);
    }
    fields = new ProtobufFields(node);
    int start = fields.position();
    while (fields.next()) {
      fields.skip();
      int number = fields.number();
      if (number != NODE_INPUT && number != NODE_OP_TYPE && number != NODE_DOMAIN) {
        copy(out, fields.span(start)); // outputs, name, attributes: as they were
      }
      start = fields.position();
    }
    string(out, NODE_OP_TYPE, OP);
    string(out, NODE_DOMAIN, DOMAIN);
    return out.toByteArray();
  }

  /** The name of an initializer field as written (its tag and length first). */
  private static String initializerName(ByteBuffer field) throws IOException {
    ProtobufFields outer = new ProtobufFields(field);
    outer.next();
    ProtobufFields tensor = new ProtobufFields(outer.bytes());
    while (tensor.next()) {
      if (tensor.number() == TENSOR_NAME) {
        return tensor.string();
      }
      tensor.skip();
    }
    return "";
  }

  private static void copy(ByteArrayOutputStream out, ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    out.writeBytes(copy);
  }

  private static void message(ByteArrayOutputStream out, int number, byte[] value) {
    tag(out, number, ProtobufFields.LENGTH_DELIMITED);
    varint(out, value.length);
    out.writeBytes(value);
  }

  private static void string(ByteArrayOutputStream out, int number, String value) {
    message(out, number, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void tag(ByteArrayOutputStream out, int number, int wireType) {
    varint(out, (long) number << 3 | wireType);
  }

  private static void varint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
  }
}
