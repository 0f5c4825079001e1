package pullquote.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import pullquote.bench.LatencyPlot;
import pullquote.ingest.Json;

/** {@code pullquote bench plot}: a PNG of a query benchmark's percentiles. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description =
        "Draw the latency percentiles per query class from `bench query --json` as a PNG.")
final class BenchPlotCommand implements Callable<Integer> {

  @Option(names = "--json", paramLabel = "FILE", required = true, description = "Query figures.")
  Path in;

  @Option(names = "--out", paramLabel = "PNG", required = true, description = "Where to draw.")
  Path out;

  @Override
  public Integer call() throws Exception {
    LatencyPlot.draw(Json.newMapper().readTree(in.toFile()), out);
    System.out.println("wrote " + out);
    return 0;
  }
}
