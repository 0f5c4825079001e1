package pullquote.sentiment;

import static ai.onnxruntime.OnnxJavaType.FLOAT;
import static ai.onnxruntime.OnnxJavaType.INT8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * What an int8 load made ({@link PreparedModel}), kept in a file so that the next load maps it
 * instead of making it again. Making it reads the base's 83 MB, checks it, rounds its matrices to
 * int8 and reads the tokenizer's 700 KB of JSON: about half of a ~0.5 s load, which a default build
 * paid for the few reviews that have nothing but their words. The file lives beside the base's
 * unpacked ONNX file (the build's {@code target/lib}), so {@code mvn clean} takes it with the rest
 * of the build.
 *
 * <p>It is only a cache: it is used when its key (what names the manifest, the model file, the
 * base, the rounding and the code that made it) is the load's and its CRC-32 holds, and is
 * otherwise made again and replaced. Writing it is best effort: a directory that cannot be written
 * just goes without.
 *
 * <p>Layout, little-endian: magic, header length, header (key; the graph's and the vocabulary's
 * offsets and lengths; each weight's name, type, shape, offset and length), then the graph, the
 * vocabulary (id, length and UTF-8 of each token) and each weight at offsets that are multiples of
 * 64, and last the CRC-32 of everything before it.
 */
final class PreparedCache {

  private static final long MAGIC = 0x3130_5045_5250_5150L; // "PQPREP01", read little-endian
  private static final int ALIGN = 64;
  private static final int INT8_TAG = 1;
  private static final int FLOAT_TAG = 2;
  private static final String PREFIX = "pullquote-transformer-";

  /** Models whose files are kept at most. */
  static final int KEPT = 3;

  private final Path dir;

  /** A cache kept in that directory. */
  PreparedCache(Path dir) {
    this.dir = dir;
  }

  /** The cache beside the base's unpacked ONNX file, when the build put one there; else empty. */
  static Optional<PreparedCache> besideBase() {
    return BaseModel.unpackedDirectory().map(PreparedCache::new);
  }

  /** The file the weights for a model of that checksum are kept in. */
  Path file(String modelSha256) {
    String id = modelSha256.length() > 16 ? modelSha256.substring(0, 16) : modelSha256;
    return dir.resolve(PREFIX + id + ".int8");
  }

  /**
   * The weights kept for that model, when the file is there, whole and made under the same key;
   * else empty (the caller makes them, and {@link #write}s them).
   */
  Optional<PreparedModel> read(String modelSha256, String key) {
    try (FileChannel channel = FileChannel.open(file(modelSha256))) {
      long size = channel.size();
      if (size < 20 || size > Integer.MAX_VALUE) {
        return Optional.empty();
      }
      ByteBuffer mapped =
          channel.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
      CRC32 crc = new CRC32();
      crc.update(mapped.slice(0, (int) size - 8));
      if (mapped.getLong((int) size - 8) != crc.getValue() || mapped.getLong(0) != MAGIC) {
        return Optional.empty();
      }
      return parse(mapped, key);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // absent, unreadable or not ours: made again
    }
  }

  private static Optional<PreparedModel> parse(ByteBuffer file, String key) {
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

  /** That part of the file; an offset or length outside it throws, which {@link #read} catches. */
  private static ByteBuffer slice(ByteBuffer file, long offset, long length) {
    return file.slice(Math.toIntExact(offset), Math.toIntExact(length))
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Keeps the weights for that model under the key, replacing what was kept: written to a file of
   * its own and moved into place, so a reader never sees half of it. Best effort: a failure leaves
   * the cache as it was and is not the load's.
   */
  void write(String modelSha256, String key, PreparedModel prepared) {
    Path temporary = null;
    try {
      Files.createDirectories(dir);
      temporary = Files.createTempFile(dir, PREFIX, ".tmp");
      writeTo(temporary, key, prepared);
      readableByAll(temporary);
      Files.move(
          temporary,
          file(modelSha256),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      keepNewest(file(modelSha256));
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temporary); // not writable, full: the next load makes them again
    }
  }

  /**
   * Removes the files of all but the {@value #KEPT} models written last (each is ~60 MB, and each
   * retrained model tried would leave one), and temporary files a write that died left behind.
   */
  private void keepNewest(Path written) throws IOException {
    List<Path> others = new ArrayList<>();
    long hourAgo = System.currentTimeMillis() - 3_600_000;
    try (var files = Files.list(dir)) {
      for (Path path : (Iterable<Path>) files::iterator) {
        String name = path.getFileName().toString();
        if (!name.startsWith(PREFIX) || path.equals(written)) {
          continue;
        }
        if (name.endsWith(".int8")) {
          others.add(path);
        } else if (name.endsWith(".tmp") && modified(path).toMillis() < hourAgo) {
          deleteQuietly(path);
        }
      }
    }
    others.sort(java.util.Comparator.comparing(PreparedCache::modified).reversed());
    others.stream().skip(KEPT - 1).forEach(PreparedCache::deleteQuietly);
  }

  /** When the file was last written; the epoch when it is gone (another process moved it). */
  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /**
   * What names the code that makes and lays out what is kept: the CRC-32 of its classes as they are
   * on the class path. A change to how the graph is rewritten, the matrices rounded, the base or
   * the tokenizer read, or this file laid out, makes a new key, so a build with such a change never
   * maps what the code before it made.
   */
  static String codeIdentity() {
    CRC32 crc = new CRC32();
    for (Class<?> maker :
        List.of(
            PreparedCache.class,
            PreparedModel.class,
            QuantisedGraph.class,
            QuantisedWeights.class,
            BaseModel.class,
            ProtobufFields.class,
            WordPieceTokenizer.class)) {
      try (InputStream in = maker.getResourceAsStream(maker.getSimpleName() + ".class")) {
        if (in == null) {
          return "code unknown " + System.nanoTime(); // never matches: made afresh
        }
        crc.update(in.readAllBytes());
      } catch (IOException e) {
        return "code unknown " + System.nanoTime();
      }
    }
    return "code " + Long.toHexString(crc.getValue());
  }

  private static void writeTo(Path path, String key, PreparedModel prepared) throws IOException {
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
   * Readable by all, as the build's other files are: a temporary file is created readable by its
   * owner alone.
   */
  private static void readableByAll(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own defaults serve
    }
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // a stray temporary file in the build's directory: harmless
      }
    }
  }
}
