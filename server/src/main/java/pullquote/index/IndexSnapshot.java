package pullquote.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/**
 * One open generation of the index with what searching it needs: the searcher, the facet states
 * (built once per generation, not per query), and its build information. Reference-counted, so a
 * swap closes it only after the last request using it has finished.
 */
public final class IndexSnapshot {

  private static final Logger LOG = Logger.getLogger(IndexSnapshot.class.getName());

  private final Path generation;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private static final Set<String> FACET_DIMENSIONS = Set.copyOf(ReviewFields.FACET_DIMENSIONS);

  private final Map<String, StringDocValuesReaderState> facetStates = new ConcurrentHashMap<>();
  private final BuildInfo buildInfo;
  private final long sizeBytes;
  private final boolean hasIdOrder;
  private final ConcurrentHashMap<Class<?>, FutureTask<Object>> derived = new ConcurrentHashMap<>();

  private IndexSnapshot(
      Path generation, DirectoryReader reader, BuildInfo buildInfo, long sizeBytes)
      throws IOException {
    this.generation = generation;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.buildInfo = buildInfo;
    this.sizeBytes = sizeBytes;
    this.hasIdOrder =
        FieldInfos.getMergedFieldInfos(reader).fieldInfo(ReviewFields.ID_ORDER) != null
            || reader.maxDoc() == 0;
  }

  /** Opens a published generation. */
  public static IndexSnapshot open(Path generation, ObjectMapper json) throws IOException {
    FSDirectory directory = FSDirectory.open(generation);
    DirectoryReader reader;
    try {
      reader = DirectoryReader.open(directory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    reader.getReaderCacheHelper().addClosedListener(key -> directory.close());
    try {
      BuildInfo info = readBuildInfo(generation, json, true);
      return new IndexSnapshot(generation, reader, info, sizeOf(generation));
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  public Path generation() {
    return generation;
  }

  /**
   * Tells this generation from another of the same name: an index deleted and rebuilt from scratch
   * starts again at gen-000001, with a new build id.
   */
  public String identity() {
    return identity(generation, buildInfo);
  }

  static String identityOf(Path generation, ObjectMapper json) {
    return identity(generation, readBuildInfo(generation, json, false));
  }

  private static String identity(Path generation, BuildInfo info) {
    return generation + (info == null || info.buildId() == null ? "" : "#" + info.buildId());
  }

  /**
   * @param report log an unreadable file: once, when the generation opens, not at every poll
   */
  private static BuildInfo readBuildInfo(Path generation, ObjectMapper json, boolean report) {
    Path infoFile = generation.resolve(BuildInfo.FILE_NAME);
    try {
      return Files.isRegularFile(infoFile)
          ? json.readValue(infoFile.toFile(), BuildInfo.class)
          : null;
    } catch (IOException e) {
      // The index itself is whole; only /api/stats loses its build report.
      if (report) {
        LOG.log(Level.WARNING, "could not read " + infoFile + "; serving without it", e);
      }
      return null;
    }
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  /**
   * The facet dimension's state: its values across segments, for Lucene's facet counts. Built when
   * first asked for, not at open: a served generation's counts usually come from packed values
   * instead, and {@code /api/stats} needs only some of these.
   */
  public StringDocValuesReaderState facetState(String dimension) {
    if (!FACET_DIMENSIONS.contains(dimension)) {
      throw new IllegalArgumentException("not a facet dimension: " + dimension);
    }
    return facetStates.computeIfAbsent(
        dimension,
        d -> {
          try {
            return new StringDocValuesReaderState(reader, d);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  public Optional<BuildInfo> buildInfo() {
    return Optional.ofNullable(buildInfo);
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  /** False for an index written before {@link ReviewFields#ID_ORDER} existed. */
  public boolean hasIdOrder() {
    return hasIdOrder;
  }

  public int reviewCount() {
    return reader.numDocs();
  }

  /**
   * A value computed once per generation and kept with it, such as the critic directory, so it is
   * never stale and never computed per request. A caller asking while it is being computed waits
   * for it; values of other types are not held up, and a computation may ask for another value.
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Class<T> type, Function<IndexSnapshot, T> compute) {
    // The map holds the task, not the value: the computation runs outside the map's lock, which
    // computeIfAbsent would hold over it (blocking whatever else shares the bin, and forbidding a
    // nested derivation).
    FutureTask<Object> task = new FutureTask<>(() -> compute.apply(this));
    FutureTask<Object> existing = derived.putIfAbsent(type, task);
    if (existing == null) {
      task.run();
      existing = task;
    }
    try {
      return (T) existing.get();
    } catch (ExecutionException e) {
      derived.remove(type, existing);
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + type.getSimpleName(), e);
    }
  }

  /**
   * The value of {@link #derived} if it has been computed, without waiting or computing it: for a
   * caller with another way to answer meanwhile.
   */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> derivedIfReady(Class<T> type) {
    FutureTask<Object> task = derived.get(type);
    if (task == null || !task.isDone()) {
      return Optional.empty();
    }
    try {
      return Optional.of((T) task.get());
    } catch (ExecutionException e) {
      return Optional.empty(); // derived() reports the failure to whoever asks for the value
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  boolean tryIncRef() {
    return reader.tryIncRef();
  }

  void decRef() throws IOException {
    reader.decRef();
  }

  private static long sizeOf(Path generation) throws IOException {
    try (Stream<Path> files = Files.list(generation)) {
      long total = 0;
      for (Path file : files.toList()) {
        total += Files.isRegularFile(file) ? Files.size(file) : 0;
      }
      return total;
    }
  }
}
