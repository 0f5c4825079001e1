package pullquote.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An index directory holds numbered generations ({@code gen-000001}, ...) and a {@code CURRENT}
 * file naming the one being served. A build writes a new generation beside the live one and
 * publishes it by replacing {@code CURRENT} with an atomic rename, so readers see the old index or
 * the new one, never a half-built one.
 */
public final class IndexLayout {

  static final String CURRENT = "CURRENT";
  private static final String LOCK = "build.lock";

  /**
   * A generation's name: six to nine digits. Ten or more were never written by pullquote, and are
   * not read as generations (gen-2147483647 once made the next one gen--2147483648).
   */
  private static final Pattern GENERATION = Pattern.compile("gen-(\\d{6,9})");

  /** The last number a generation may have; a build after it is refused, before it writes. */
  static final int LAST_GENERATION = 999_999_999;

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(IndexLayout.class.getName());

  private final Path root;

  /** The last warning about {@code CURRENT}, so a server polling it says it once. */
  private volatile String warned;

  public IndexLayout(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /**
   * The published generation's directory, if there is one. When {@code CURRENT} is damaged (empty,
   * not a generation's name, or naming one that is gone), the newest complete generation (one with
   * its build record) is served instead, with a warning in the log, once: a good index on disk is
   * not refused because its pointer was lost.
   */
  public Optional<Path> current() throws IOException {
    Path pointer = root.resolve(CURRENT);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    String name;
    try {
      name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
    } catch (java.nio.charset.MalformedInputException e) {
      name = "";
    }
    if (GENERATION.matcher(name).matches() && Files.isDirectory(root.resolve(name))) {
      return Optional.of(root.resolve(name));
    }
    Optional<Path> newest =
        generations().stream()
            .filter(g -> Files.isRegularFile(g.resolve(BuildInfo.FILE_NAME)))
            .max(Comparator.comparingInt(IndexLayout::number));
    String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
    warnOnce(
        CURRENT
            + " in "
            + root
            + (name.isEmpty()
                ? " is empty"
                : " names '" + shown + "', which is not a generation here")
            + newest.map(g -> "; serving the newest complete one, " + g.getFileName()).orElse(""));
    return newest;
  }

  private void warnOnce(String message) {
    if (!message.equals(warned)) {
      warned = message;
      LOG.warning(message);
    }
  }

  /** Takes the build lock, so two rebuilds of one index cannot run at once. */
  public BuildLock lockForBuild() throws IOException {
    Files.createDirectories(root);
    FileChannel channel =
        FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("another index build is running on " + root);
    }
    return new BuildLock(channel, lock);
  }

  /** Creates the directory for the next generation. */
  public Path newGeneration() throws IOException {
    int last = generations().stream().mapToInt(IndexLayout::number).max().orElse(0);
    if (last >= LAST_GENERATION) {
      throw new IOException(
          root
              + " has reached generation "
              + last
              + ", the last a generation can be numbered; build into a new directory");
    }
    int next = last + 1;
    while (true) {
      Path dir = root.resolve(String.format("gen-%06d", next));
      try {
        return Files.createDirectory(dir);
      } catch (FileAlreadyExistsException e) {
        next++;
      }
    }
  }

  /** Makes the generation the served one, atomically. */
  public void publish(Path generation) throws IOException {
    Path temp = root.resolve(CURRENT + ".tmp");
    Files.writeString(temp, generation.getFileName() + "\n", StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try {
      Files.move(temp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + root + " cannot replace files atomically", e);
    }
  }

  /**
   * Deletes every generation but the current one and the newest complete one before it, which a
   * server that has not yet switched may still be reading. Leftovers of crashed builds go too.
   */
  public void prune() throws IOException {
    Optional<Path> current = current();
    if (current.isEmpty()) {
      return;
    }
    Path previous =
        generations().stream()
            .filter(g -> number(g) < number(current.get()))
            .filter(g -> Files.isRegularFile(g.resolve(BuildInfo.FILE_NAME)))
            .max(Comparator.comparingInt(IndexLayout::number))
            .orElse(null);
    for (Path generation : generations()) {
      if (!generation.equals(current.get()) && !generation.equals(previous)) {
        deleteTree(generation);
      }
    }
  }

  /** Removes a generation that was never published. */
  public void discard(Path generation) throws IOException {
    deleteTree(generation);
  }

  private List<Path> generations() throws IOException {
    if (!Files.isDirectory(root)) {
      return new ArrayList<>();
    }
    try (Stream<Path> list = Files.list(root)) {
      return new ArrayList<>(
          list.filter(Files::isDirectory)
              .filter(p -> GENERATION.matcher(p.getFileName().toString()).matches())
              .toList());
    }
  }

  private static int number(Path generation) {
    var m = GENERATION.matcher(generation.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** Deletes a directory and everything in it; nothing when it is not there. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The held build lock; closing it lets the next build in. */
  public record BuildLock(FileChannel channel, FileLock lock) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      lock.release();
      channel.close();
    }
  }
}
