package pullquote.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import pullquote.bench.ScaledCorpus;

/** {@code pullquote bench}: benchmarks, kept out of the test run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks and the corpora they run on.",
    subcommands = {
      BenchCommand.Corpus.class,
      BenchIndexCommand.class,
      BenchQueryCommand.class,
      BenchRelevanceCommand.class,
      BenchProfilesCommand.class,
      BenchPlotCommand.class,
      BenchSoakCommand.class
    })
final class BenchCommand {

  /** {@code bench corpus}: a deterministic scaled corpus from real reviews. */
  @Command(
      name = "corpus",
      mixinStandardHelpOptions = true,
      description = {
        "Write a deterministic scaled corpus (CSV) from real reviews: sentences recombined within",
        "each work, critics, publications, dates and grades drawn from the source. Streamed."
      })
  static final class Corpus implements Callable<Integer> {

    @Option(
        names = "--from",
        paramLabel = "FILE",
        required = true,
        description = "Source CSV (work_title and text columns).")
    Path from;

    @Option(
        names = "--scale",
        paramLabel = "N",
        required = true,
        description = "Rows to write, e.g. 1000000.")
    long scale;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        required = true,
        description = "Where to write the CSV.")
    Path out;

    @Option(
        names = "--seed",
        paramLabel = "S",
        description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 20261122L;

    @Override
    public Integer call() throws Exception {
      if (scale < 1) {
        System.err.println("pullquote bench corpus: --scale must be at least 1");
        return 2;
      }
      long start = System.nanoTime();
      ScaledCorpus corpus = ScaledCorpus.from(from);
      try (Writer writer =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8),
              1 << 16)) {
        corpus.write(scale, seed, writer);
      }
      System.out.printf(
          "wrote %d reviews to %s (%d MB) in %.1f s%n",
          scale, out, Files.size(out) >> 20, (System.nanoTime() - start) / 1e9);
      return 0;
    }
  }
}
