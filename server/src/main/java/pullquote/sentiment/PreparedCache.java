package pullquote.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * What an int8 load made ({@link PreparedModel}), kept in a file so that the next load maps it
 * instead of making it again. Making it reads the base's 83 MB, checks it, rounds its matrices to
 * int8 and reads the tokenizer's 700 KB of JSON: 0.3 s of a 0.5 s load, which a default build paid
 * for the few reviews that have nothing but their words. The file lives beside the base's unpacked
 * ONNX file (the build's {@code target/lib}), so {@code mvn clean} takes it with the rest of the
 * build.
 *
 * <p>It is only a cache: it is used when its key (what names the manifest, the model file, the
 * base, the rounding and the code that made it) is the load's and its CRC-32 holds, and is
 * otherwise made again and replaced. Writing it is best effort: a directory that cannot be written
 * just goes without. How the file is laid out: {@link PreparedFile}.
 */
final class PreparedCache {

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
      return PreparedFile.parse(channel.map(FileChannel.MapMode.READ_ONLY, 0, size), key);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // absent, unreadable or not ours: made again
    }
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
      PreparedFile.write(temporary, key, prepared);
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
            PreparedFile.class,
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
