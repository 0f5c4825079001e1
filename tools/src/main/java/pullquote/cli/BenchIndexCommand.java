package pullquote.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import pullquote.bench.IndexBenchmark;
import pullquote.ingest.Json;
import pullquote.sentiment.LinearSentimentModel;

/** {@code pullquote bench index}: our indexing against the raw-Lucene floor. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index a CSV corpus end to end (parse, normalise, sentiment, Lucene) on 1 and 2 writer",
      "threads; with scores and labels unread, once guessing every review's sentiment with a",
      "constant and once with the text model (the gap is the model's cost); and against raw",
      "Lucene adding the same documents from memory. Reports reviews/s, index size and peak heap."
    })
final class BenchIndexCommand implements Callable<Integer> {

  @Option(names = "--corpus", paramLabel = "FILE", required = true, description = "CSV corpus.")
  Path corpus;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Scratch directory for the indexes (default: a new temporary directory).")
  Path work;

  @Option(
      names = "--threads",
      paramLabel = "N",
      split = ",",
      description = "Writer thread counts to run (default: ${DEFAULT-VALUE}).")
  List<Integer> threads = List.of(1, 2);

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path jsonOut;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(corpus)) {
      System.err.println("pullquote bench index: no such file: " + corpus);
      return 2;
    }
    if (threads.stream().anyMatch(t -> t < 1)) {
      System.err.println("pullquote bench index: --threads must be 1 or more");
      return 2;
    }
    Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("pq-bench");
    var json = Json.newMapper();
    IndexBenchmark.Result result =
        new IndexBenchmark(LinearSentimentModel.bundled(), json).run(corpus, dir, threads);
    System.out.printf(
        "%-38s %7s %10s %9s %9s %12s %9s %10s%n",
        "run", "threads", "reviews", "seconds", "cpu s", "reviews/s", "index MB", "peak heap");
    for (IndexBenchmark.Run run : result.runs()) {
      System.out.printf(
          "%-38s %7d %10d %9.1f %9.1f %12.0f %9d %8d MB%n",
          run.name(),
          run.threads(),
          run.reviews(),
          run.seconds(),
          run.cpuSeconds(),
          run.reviewsPerSecond(),
          run.indexBytes() >> 20,
          run.peakHeapBytes() >> 20);
    }
    System.out.printf(
        "text model's cost when it guesses every review (mean of two runs each):"
            + " %+.1f%% indexing time, %+.1f%% processor time%n",
        100 * result.modelCost(), 100 * result.modelCpuCost());
    if (jsonOut != null) {
      json.writerWithDefaultPrettyPrinter().writeValue(jsonOut.toFile(), result);
      System.out.println("wrote " + jsonOut);
    }
    return 0;
  }
}
