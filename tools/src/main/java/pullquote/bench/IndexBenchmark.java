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
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import pullquote.index.IndexBuilder;
import pullquote.index.IndexLayout;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewDocuments;
import pullquote.ingest.ColumnMapping;
import pullquote.ingest.IngestOptions;
import pullquote.ingest.IngestProgress;
import pullquote.ingest.Ingestor;
import pullquote.ingest.Review;
import pullquote.ingest.SentimentResolver;
import pullquote.sentiment.Sentiment;
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
      long peakHeapBytes,
      double cpuSeconds) {}

  /** Everything one run measured. */
  public record Result(Map<String, String> machine, String corpus, List<Run> runs) {

    /** How much longer indexing took with the model guessing every review than with a constant. */
    public double modelCost() {
      return mean(UNSCORED_MODEL, Run::seconds) / mean(UNSCORED_CONSTANT, Run::seconds) - 1;
    }

    /** How much more processor time indexing took with the model than with a constant. */
    public double modelCpuCost() {
      return mean(UNSCORED_MODEL, Run::cpuSeconds) / mean(UNSCORED_CONSTANT, Run::cpuSeconds) - 1;
    }

    private double mean(String name, ToDoubleFunction<Run> figure) {
      return runs.stream()
          .filter(r -> r.name().equals(name))
          .mapToDouble(figure)
          .average()
          .orElseThrow();
    }
  }

  private static final long WARM_UP_REVIEWS = 30_000;

  /** Run names the model's cost is computed from. */
  public static final String UNSCORED_CONSTANT = "no scores or labels, constant guess";

  public static final String UNSCORED_MODEL = "no scores or labels, text model";

  private static final ColumnMapping UNSCORED = ColumnMapping.parse(List.of("score=-", "label=-"));
  private static final TextSentimentModel CONSTANT =
      text -> new TextSentimentModel.Prediction(Sentiment.MIXED, 1, 0, 1, 0, List.of());

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
    int most = threadCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
    warmUp(corpus, work, most);
    List<Run> runs = new ArrayList<>();
    for (int threads : threadCounts) {
      runs.add(
          pipeline(
              "pullquote",
              ingestor(model, ColumnMapping.DEFAULT),
              corpus,
              work.resolve("ours-" + threads),
              threads));
    }
    // The model's cost: scores and labels left unread, so every review needs a guess, made once by
    // a constant and once by the model. The documents differ only in what the model wrote, so the
    // gap is classification (with its evidence) and nothing else; against the runs above, a
    // scoreless document is also cheaper to index, which hid the model's cost.
    // Run to run, the same build varied by up to a tenth (merges fall differently), as much as the
    // cost being measured; so each is run twice, in the order constant, model, model, constant,
    // which cancels a drift over the four, and the means are compared.
    int round = 0;
    for (var guess : List.of(CONSTANT, model, model, CONSTANT)) {
      Path dir = work.resolve((guess == CONSTANT ? "constant-" : "model-") + most + "-" + round++);
      runs.add(
          pipeline(
              guess == CONSTANT ? UNSCORED_CONSTANT : UNSCORED_MODEL,
              ingestor(guess, UNSCORED),
              corpus,
              dir,
              most));
      // Measured; at 10M four of these would fill a disk, and nothing reads them afterwards.
      IndexLayout.deleteTree(dir);
    }
    // The floor's input is parsed before its clock starts, and its peak heap includes it.
    List<Review> reviews = new ArrayList<>();
    ingestor(model, ColumnMapping.DEFAULT)
        .ingest(List.of(corpus), reviews::add, IngestProgress.NONE);
    for (int threads : threadCounts) {
      runs.add(rawLucene(reviews, work.resolve("raw-" + threads), threads));
    }
    return new Result(Machine.describe(), corpus.toString(), runs);
  }

  /**
   * Builds untimed from the corpus's first reviews, with and without the model, so the JIT has
   * compiled parsing, classification and Lucene before any clock starts: without it the first timed
   * run paid for compilation (at 100k reviews it came out slower than the run doing more work).
   */
  private void warmUp(Path corpus, Path work, int threads) throws IOException {
    Path sample = work.resolve("warm-up.csv");
    Files.createDirectories(work);
    try (var in = Files.newBufferedReader(corpus);
        var parser = CSVFormat.DEFAULT.builder().get().parse(in);
        var out = Files.newBufferedWriter(sample);
        var printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      long copied = 0;
      for (CSVRecord record : parser) {
        if (copied++ > WARM_UP_REVIEWS) {
          break;
        }
        printer.printRecord(record);
      }
    }
    pipeline(
        "warm-up", ingestor(model, ColumnMapping.DEFAULT), sample, work.resolve("w1"), threads);
    pipeline("warm-up", ingestor(model, UNSCORED), sample, work.resolve("w2"), threads);
  }

  private Ingestor ingestor(TextSentimentModel guess, ColumnMapping columns) {
    return new Ingestor(new SentimentResolver(guess), json, new IngestOptions(null, columns));
  }

  private Run pipeline(String name, Ingestor ingestor, Path corpus, Path dir, int threads)
      throws IOException {
    IndexBuilder builder =
        new IndexBuilder(ingestor, ReviewAnalyzers.create(), json, Clock.systemUTC(), threads);
    startMeasuring();
    long cpu = processCpuNanos();
    long start = System.nanoTime();
    var result = builder.build(new IndexLayout(dir), List.of(corpus), IngestProgress.NONE);
    double seconds = (System.nanoTime() - start) / 1e9;
    long reviews = result.report().reviews();
    return new Run(
        name,
        threads,
        reviews,
        seconds,
        reviews / seconds,
        size(dir),
        peakHeap(),
        (processCpuNanos() - cpu) / 1e9);
  }

  private static Run rawLucene(List<Review> reviews, Path dir, int threads) throws IOException {
    Analyzer analyzer = ReviewAnalyzers.create();
    startMeasuring();
    long cpu = processCpuNanos();
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
                          writer.addDocument(ReviewDocuments.toDocument(reviews.get(i)));
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
        peakHeap(),
        (processCpuNanos() - cpu) / 1e9);
  }

  /** Processor time of the whole process, every thread (merges and the JIT included). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
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
