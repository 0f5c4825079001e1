package pullquote.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import pullquote.bench.BenchQuery;
import pullquote.bench.MetricsScrape;
import pullquote.bench.QueryMix;
import pullquote.bench.Soak;
import pullquote.index.IndexLayout;
import pullquote.ingest.Json;
import pullquote.search.Forgiveness;
import pullquote.server.ApiServer;

/** {@code pullquote bench soak}: a long mixed load with the index rebuilt and swapped during it. */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
      "Index the corpus (in a separate process), serve it, drive mixed searches from many",
      "concurrent clients for a fixed time, rebuild the index from the same corpus part-way through",
      "(--rebuild-at; again in a separate process, as an operator would) so the server swaps",
      "generations under load, and report requests, statuses, latency, and heap and RSS before and",
      "after. Exits 1 if any request failed or no new generation was swapped in."
    })
final class BenchSoakCommand implements Callable<Integer> {

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "What to index (any input).")
  List<Path> corpus;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Scratch directory for the index (default: a new temporary directory).")
  Path work;

  @Option(
      names = "--clients",
      paramLabel = "N",
      description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE}).")
  int clients = 16;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      description = "Measured seconds (default: ${DEFAULT-VALUE}).")
  double seconds = 120;

  @Option(
      names = "--warmup",
      paramLabel = "S",
      description = "Unmeasured seconds of load first (default: ${DEFAULT-VALUE}).")
  double warmup = 20;

  @Option(
      names = "--rebuild-at",
      paramLabel = "S",
      description = "Second of the measured run the rebuild starts at (default: a third of it).")
  Double rebuildAt;

  @Option(
      names = "--per-class",
      paramLabel = "N",
      description = "Queries per class in the mix (default: ${DEFAULT-VALUE}).")
  int perClass = 50;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path jsonOut;

  @Override
  public Integer call() throws Exception {
    try {
      return soak();
    } catch (IOException | RuntimeException e) {
      System.err.println("pullquote bench soak: " + e.getMessage());
      return 1;
    }
  }

  private int soak() throws IOException, InterruptedException {
    Soak.Options options;
    try {
      options =
          new Soak.Options(
              clients,
              warmup,
              seconds,
              rebuildAt != null ? rebuildAt : seconds / 3,
              perClass,
              20261122L);
    } catch (IllegalArgumentException e) {
      System.err.println("pullquote bench soak: " + e.getMessage());
      return 2;
    }
    Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("pq-soak");
    Path index = dir.resolve("index");
    System.out.println("indexing " + corpus + " into " + index + " ...");
    Soak.Attempt first = indexInChildProcess(index, dir.resolve("index-1.log"));
    var layout = new IndexLayout(index);
    if (layout.current().isEmpty()) {
      System.err.println("pullquote bench soak: the first build failed: " + first.outcome());
      return 1;
    }
    var json = Json.newMapper();
    try (var backend = Backends.local(index, Forgiveness.DEFAULT, json, true)) {
      backend.open();
      var service = backend.service();
      var live = backend.live();
      try (var server = new ApiServer(service, json, null)) {
        server.start("127.0.0.1", 0);
        URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
        System.out.printf(
            "soaking: %d clients, %.0f s warm-up, %.0f s measured, rebuild at %.0f s%n",
            clients, warmup, seconds, options.rebuildAtSecond());
        List<BenchQuery> mix =
            live.withSnapshot(snapshot -> draw(snapshot.searcher().getIndexReader(), options));
        Soak.Result result =
            new Soak(service, mix, base)
                .run(options, () -> indexInChildProcess(index, dir.resolve("index-2.log")));
        print(result);
        if (jsonOut != null) {
          json.writerWithDefaultPrettyPrinter().writeValue(jsonOut.toFile(), result);
          System.out.println("wrote " + jsonOut);
        }
        System.out.println("scratch directory (kept): " + dir);
        boolean swapped =
            result.rebuild().built()
                && !result.rebuild().servedAfter().equals(result.rebuild().servedBefore());
        if (!swapped) {
          System.err.println("pullquote bench soak: the rebuild did not swap in a new generation");
        }
        boolean serverClean = result.serverCounted().serverErrors() == 0;
        if (!serverClean) {
          System.err.println("pullquote bench soak: the server's /metrics counted 5xx answers");
        }
        return result.failed() == 0 && swapped && serverClean ? 0 : 1;
      }
    }
  }

  private static List<BenchQuery> draw(
      org.apache.lucene.index.IndexReader reader, Soak.Options options) {
    try {
      return QueryMix.draw(reader, options.perClass(), options.seed());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Runs {@code pullquote index} as its own JVM; says how it ended. */
  private Soak.Attempt indexInChildProcess(Path index, Path log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of("index", "--index", index.toString(), "--quiet"));
    corpus.forEach(p -> command.add(p.toString()));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(2, TimeUnit.HOURS)) {
        return new Soak.Attempt(false, "did not finish in 2 hours; see " + log);
      }
    } finally {
      process.destroyForcibly(); // gone already, unless it hung or this thread was interrupted
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    return new Soak.Attempt(
        process.exitValue() == 0,
        "exit " + process.exitValue() + (last.isBlank() ? "" : ": " + last.strip()));
  }

  private static void print(Soak.Result r) {
    System.out.printf("%,d reviews served; %s%n", r.reviews(), r.machine());
    System.out.printf(
        "requests %,d in %.0f s (%.0f/s); statuses %s; failed %d%n",
        r.requests(),
        r.options().seconds(),
        r.requests() / r.options().seconds(),
        r.statuses(),
        r.failed());
    System.out.printf(
        "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        r.latency().p50Ms(), r.latency().p99Ms(), r.latency().maxMs());
    Soak.Rebuild b = r.rebuild();
    System.out.printf(
        "rebuild at %.0f s took %.1f s (%s); served %s before, %s after%n",
        b.startedAtSecond(), b.seconds(), b.outcome(), b.servedBefore(), b.servedAfter());
    System.out.printf(
        "heap after GC %d MB -> %d MB; RSS %d MB -> %d MB (%+.1f%%), of which anonymous %d MB ->"
            + " %d MB (%+.1f%%) and mapped files %d MB -> %d MB%n",
        r.before().heapAfterGcBytes() >> 20,
        r.after().heapAfterGcBytes() >> 20,
        r.before().rssBytes() >> 20,
        r.after().rssBytes() >> 20,
        100 * r.rssGrowth(),
        r.before().rssAnonBytes() >> 20,
        r.after().rssAnonBytes() >> 20,
        100 * r.rssAnonGrowth(),
        r.before().rssFileBytes() >> 20,
        r.after().rssFileBytes() >> 20);
    MetricsScrape m = r.serverCounted();
    System.out.printf(
        "the server's /metrics over the run: /api/search answers by status %s; swaps %d;"
            + " searches refused %d, timed out %d%n",
        m.searchStatuses(), m.swaps(), m.refused(), m.timedOut());
  }
}
