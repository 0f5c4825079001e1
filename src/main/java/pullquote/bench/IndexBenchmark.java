package pullquote.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import pullquote.index.IndexBuilder;
import pullquote.index.IndexLayout;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewDocuments;
import pullquote.index.ReviewFields;
import pullquote.ingest.ColumnMapping;
import pullquote.ingest.IngestOptions;
import pullquote.ingest.IngestProgress;
import pullquote.ingest.Ingestor;
import pullquote.ingest.Review;
import pullquote.ingest.SentimentResolver;
import pullquote.sentiment.TextSentimentModel;

/**
 * End-to-end indexing (parse, normalise, sentiment, Lucene) against the raw-Lucene floor: the same
 * reviews, already parsed and held in memory, made into the same documents and added with the same
 * analyzers and writer settings, so the gap between the two is what our pipeline costs.
 */
public final class IndexBenchmark {

  /** One timed build. */
  public record Run(
      String name,
      int threads,
      long reviews,
      double seconds,
      double reviewsPerSecond,
      long indexBytes,
      long peakHeapBytes) {}

  /** Everything one run measured. */
  public record Result(Map<String, String> machine, String corpus, List<Run> runs) {}

  private final TextSentimentModel model;
  private final ObjectMapper json;

  public IndexBenchmark(TextSentimentModel model, ObjectMapper json) {
    this.model = model;
    this.json = json;
  }

  /**
   * @param work a scratch directory; each run writes its own index there
   */
  public Result run(Path corpus, Path work, List<Integer> threadCounts) throws IOException {
    List<Run> runs = new ArrayList<>();
    for (int threads : threadCounts) {
      runs.add(
          pipeline(
              "pullquote",
              corpus,
              work.resolve("ours-" + threads),
              threads,
              ColumnMapping.DEFAULT));
    }
    // Every review through the text model: the corpus's scores and labels are left unread.
    int most = threadCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
    runs.add(
        pipeline(
            "pullquote, model for every review",
            corpus,
            work.resolve("model-" + most),
            most,
            ColumnMapping.parse(List.of("score=-", "label=-"))));
    // The floor's input is parsed before its clock starts, and its peak heap includes it.
    List<Review> reviews = new ArrayList<>();
    ingestor(ColumnMapping.DEFAULT).ingest(List.of(corpus), reviews::add, IngestProgress.NONE);
    for (int threads : threadCounts) {
      runs.add(rawLucene(reviews, work.resolve("raw-" + threads), threads));
    }
    return new Result(Machine.describe(), corpus.toString(), runs);
  }

  private Ingestor ingestor(ColumnMapping columns) {
    return new Ingestor(new SentimentResolver(model), json, new IngestOptions(null, columns));
  }

  private Run pipeline(String name, Path corpus, Path dir, int threads, ColumnMapping columns)
      throws IOException {
    IndexBuilder builder =
        new IndexBuilder(
            ingestor(columns), ReviewAnalyzers.create(), json, Clock.systemUTC(), threads);
    startMeasuring();
    long start = System.nanoTime();
    var result = builder.build(new IndexLayout(dir), List.of(corpus), IngestProgress.NONE);
    double seconds = (System.nanoTime() - start) / 1e9;
    long reviews = result.report().reviews();
    return new Run(name, threads, reviews, seconds, reviews / seconds, size(dir), peakHeap());
  }

  private static Run rawLucene(List<Review> reviews, Path dir, int threads) throws IOException {
    Analyzer analyzer = ReviewAnalyzers.create();
    ReviewDocuments documents = new ReviewDocuments(ReviewFields.facetsConfig());
    startMeasuring();
    long start = System.nanoTime();
    try (FSDirectory fs = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(fs, IndexBuilder.writerConfig(analyzer))) {
      List<Thread> workers = new ArrayList<>();
      // Any failure, not only an IOException: a worker that died unseen would leave the run
      // reported as complete with reviews missing.
      Throwable[] failure = new Throwable[1];
      for (int t = 0; t < threads; t++) {
        int first = t;
        workers.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      try {
                        for (int i = first; i < reviews.size(); i += threads) {
                          writer.addDocument(documents.toDocument(reviews.get(i)));
                        }
                      } catch (IOException | RuntimeException | Error e) {
                        synchronized (failure) {
                          failure[0] = failure[0] == null ? e : failure[0];
                        }
                      }
                    }));
      }
      for (Thread worker : workers) {
        worker.join();
      }
      if (failure[0] != null) {
        throw new IOException("the raw-Lucene baseline failed", failure[0]);
      }
      writer.commit();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Run(
        "raw Lucene",
        threads,
        reviews.size(),
        seconds,
        reviews.size() / seconds,
        size(dir),
        peakHeap());
  }

  private static void startMeasuring() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The most heap in use at once since {@link #startMeasuring}, summed over the heap's pools. */
  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
