package pullquote.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import pullquote.ingest.IngestProgress;
import pullquote.ingest.IngestReport;
import pullquote.ingest.Ingestor;

/**
 * Rebuilds an index offline: ingests everything into a fresh generation beside the live one and
 * publishes it only once it is committed. A crash or Ctrl-C part way leaves the old index served.
 */
public final class IndexBuilder {

  private static final double RAM_BUFFER_MB = 256;

  /** By default, documents are built and added on up to two threads while one reads the input. */
  static final int DEFAULT_WRITER_THREADS =
      Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

  private final Ingestor ingestor;
  private final Analyzer analyzer;
  private final ObjectMapper json;
  private final Clock clock;
  private final int writerThreads;

  public IndexBuilder(Ingestor ingestor, Analyzer analyzer, ObjectMapper json, Clock clock) {
    this(ingestor, analyzer, json, clock, DEFAULT_WRITER_THREADS);
  }

  public IndexBuilder(
      Ingestor ingestor, Analyzer analyzer, ObjectMapper json, Clock clock, int writerThreads) {
    if (writerThreads < 1) {
      throw new IllegalArgumentException("writerThreads must be at least 1");
    }
    this.ingestor = ingestor;
    this.analyzer = analyzer;
    this.json = json;
    this.clock = clock;
    this.writerThreads = writerThreads;
  }

  /** The writer settings every build uses, shared with the raw-Lucene benchmark baseline. */
  public static IndexWriterConfig writerConfig(Analyzer analyzer) {
    return new IndexWriterConfig(analyzer)
        .setCodec(new ReviewCodec())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(RAM_BUFFER_MB);
  }

  /**
   * What a build did.
   *
   * @param generation the published generation, or null when nothing could be indexed
   */
  public record Result(IngestReport report, BuildInfo info, Path generation) {
    public boolean published() {
      return generation != null;
    }
  }

  /**
   * Builds and publishes a new generation from the inputs.
   *
   * @throws IOException when the index cannot be written; the live index is then left as it was
   */
  public Result build(IndexLayout layout, List<Path> inputs, IngestProgress progress)
      throws IOException {
    Instant start = clock.instant();
    try (IndexLayout.BuildLock lock = layout.lockForBuild()) {
      Path generation = layout.newGeneration();
      boolean published = false;
      try {
        IngestReport report = write(generation, inputs, progress);
        BuildInfo info = BuildInfo.of(report, start, clock.instant());
        if (report.reviews() > 0) {
          json.writerWithDefaultPrettyPrinter()
              .writeValue(generation.resolve(BuildInfo.FILE_NAME).toFile(), info);
          layout.publish(generation);
          published = true;
          pruneQuietly(layout);
        }
        return new Result(report, info, published ? generation : null);
      } finally {
        if (!published) {
          layout.discard(generation);
        }
      }
    }
  }

  /** The build has succeeded once published; failing to tidy old generations only costs disk. */
  private static void pruneQuietly(IndexLayout layout) {
    try {
      layout.prune();
    } catch (IOException | RuntimeException e) {
      java.util.logging.Logger.getLogger(IndexBuilder.class.getName())
          .log(java.util.logging.Level.WARNING, "could not delete old index generations", e);
    }
  }

  private IngestReport write(Path generation, List<Path> inputs, IngestProgress progress)
      throws IOException {
    try (FSDirectory dir = FSDirectory.open(generation)) {
      IndexWriter writer = new IndexWriter(dir, writerConfig(analyzer));
      IngestReport report;
      try {
        report =
            DocumentPipeline.ingest(
                ingestor,
                inputs,
                progress,
                writerThreads,
                DocumentPipeline.LUCENE_BATCH,
                DocumentPipeline.lucene(writer));
        // No forceMerge(1): on 100k reviews it took 8.4 of 24 s; the merge policy keeps the
        // segment count small enough while writing.
        writer.commit();
      } catch (IOException | RuntimeException e) {
        rollBack(writer, e);
        throw e;
      }
      writer.close();
      return report;
    }
  }

  /**
   * Drops a failed build's writer without committing. A writer that hit a full disk rethrows that
   * same exception on close, which try-with-resources cannot add to itself ("Self-suppression not
   * permitted"), so the failure is kept as it was.
   */
  private static void rollBack(IndexWriter writer, Exception failure) {
    try {
      writer.rollback();
    } catch (IOException | RuntimeException e) {
      if (e != failure) {
        failure.addSuppressed(e);
      }
    }
  }
}
