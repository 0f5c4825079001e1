package pullquote.sentiment;

import static ai.onnxruntime.OnnxJavaType.FLOAT;
import static ai.onnxruntime.OnnxJavaType.INT8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * How {@link PreparedCache} lays out what a load made ({@link PreparedModel}) in one file, so that
 * a later load maps it and hands its weights to ONNX Runtime in place.
 *
 * <p>Little-endian: magic, header length, header (key; the graph's and the vocabulary's offsets and
 * lengths; each weight's name, type, shape, offset and length), then the graph, the vocabulary (id,
 * length and UTF-8 of each token) and each weight at offsets that are multiples of 64, and last the
 * CRC-32 of everything before it.
 */
final class PreparedFile {

  private static final long MAGIC = 0x3130_5045_5250_5150L; // "PQPREP01", read little-endian
  private static final int ALIGN = 64;
  private static final int INT8_TAG = 1;
  private static final int FLOAT_TAG = 2;

  private PreparedFile() {}

  /** Writes the file (which exists, empty) whole. */
  static void write(Path path, String key, PreparedModel prepared) throws IOException {
    List<ByteBuffer> blocks = new ArrayList<>();
    blocks.add(ByteBuffer.wrap(prepared.graph()));
    blocks.add(vocabulary(prepared.vocabulary()));
    prepared.weights().values().forEach(weight -> blocks.add(weight.data().duplicate()));
    int headerSize = headerSize(key, prepared);
    long[] offsets = new long[blocks.size()];
    long end = 12 + headerSize;
    for (int i = 0; i < blocks.size(); i++) {
      offsets[i] = aligned(end);
      end = offsets[i] + blocks.get(i).remaining();
    }
    ByteBuffer head = ByteBuffer.allocate(12 + headerSize).order(ByteOrder.LITTLE_ENDIAN);
    head.putLong(MAGIC).putInt(headerSize);
    putString(head, key);
    head.putLong(offsets[0]).putLong(blocks.get(0).remaining());
    head.putLong(offsets[1]).putLong(blocks.get(1).remaining()).putInt(blocks.size() - 2);
    int i = 2;
    for (var entry : prepared.weights().entrySet()) {
      PreparedModel.Weight weight = entry.getValue();
      putString(head, entry.getKey());
      head.put((byte) (weight.type() == INT8 ? INT8_TAG : FLOAT_TAG));
      head.put((byte) weight.shape().length);
      for (long dim : weight.shape()) {
        head.putLong(dim);
      }
      head.putLong(offsets[i]).putLong(blocks.get(i).remaining());
      i++;
    }
    CRC32 crc = new CRC32();
    try (FileChannel out = FileChannel.open(path, StandardOpenOption.WRITE)) {
      long at = write(out, head.flip(), crc);
      for (int b = 0; b < blocks.size(); b++) {
        at += write(out, ByteBuffer.allocate((int) (offsets[b] - at)), crc);
        at += write(out, blocks.get(b), crc);
      }
      ByteBuffer sum = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      write(out, sum.putLong(crc.getValue()).flip(), new CRC32());
    }
  }

  private static ByteBuffer vocabulary(Map<String, Integer> vocabulary) {
    int size = 0;
    for (String token : vocabulary.keySet()) {
      size += 4 + stringSize(token);
    }
    ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    vocabulary.forEach((token, id) -> putString(out.putInt(id), token));
    return out.flip();
  }

  private static long write(FileChannel out, ByteBuffer bytes, CRC32 crc) throws IOException {
    int size = bytes.remaining();
    crc.update(bytes.duplicate());
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
    return size;
  }

  private static int headerSize(String key, PreparedModel prepared) {
    int size = stringSize(key) + 16 + 16 + 4;
    for (var entry : prepared.weights().entrySet()) {
      size += stringSize(entry.getKey()) + 2 + 8 * entry.getValue().shape().length + 16;
    }
    return size;
  }

  private static long aligned(long offset) {
    return (offset + ALIGN - 1) / ALIGN * ALIGN;
  }

  private static int stringSize(String value) {
    return 4 + value.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void putString(ByteBuffer out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.putInt(bytes.length).put(bytes);
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IndexOutOfBoundsException("a string of " + length + " bytes"); // not ours
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * What a whole file holds, when its CRC-32 and magic hold and it was written under that key; else
   * empty. A header that points outside the file throws, which the caller takes as a miss.
   */
  static Optional<PreparedModel> parse(ByteBuffer mapped, String key) {
    ByteBuffer file = mapped.order(ByteOrder.LITTLE_ENDIAN);
    int size = file.capacity();
    CRC32 crc = new CRC32();
    crc.update(file.slice(0, size - 8));
    if (file.getLong(size - 8) != crc.getValue() || file.getLong(0) != MAGIC) {
      return Optional.empty();
    }
    ByteBuffer header = file.slice(12, file.getInt(8)).order(ByteOrder.LITTLE_ENDIAN);
    if (!string(header).equals(key)) {
      return Optional.empty();
    }
    ByteBuffer graphBytes = slice(file, header.getLong(), header.getLong());
    byte[] graph = new byte[graphBytes.remaining()];
    graphBytes.get(graph);
    ByteBuffer tokens = slice(file, header.getLong(), header.getLong());
    Map<String, Integer> vocabulary = new HashMap<>(65_536);
    while (tokens.hasRemaining()) {
      int id = tokens.getInt();
      vocabulary.put(string(tokens), id);
    }
    Map<String, PreparedModel.Weight> weights = new LinkedHashMap<>();
    for (int n = header.getInt(); n > 0; n--) {
      String name = string(header);
      int tag = header.get();
      long[] shape = new long[header.get()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = header.getLong();
      }
      ByteBuffer data = slice(file, header.getLong(), header.getLong());
      weights.put(name, new PreparedModel.Weight(tag == INT8_TAG ? INT8 : FLOAT, shape, data));
    }
    return Optional.of(new PreparedModel(graph, weights, vocabulary));
  }

  /**
   * That part of the file; an offset or length outside it throws, which the caller takes as a miss.
   */
  private static ByteBuffer slice(ByteBuffer file, long offset, long length) {
    return file.slice(Math.toIntExact(offset), Math.toIntExact(length))
        .order(ByteOrder.LITTLE_ENDIAN);
  }
}
