package pullquote.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import pullquote.index.IndexBuilder;
import pullquote.index.IndexLayout;
import pullquote.index.ReviewAnalyzers;
import pullquote.ingest.ColumnMapping;
import pullquote.ingest.IngestOptions;
import pullquote.ingest.Ingestor;
import pullquote.ingest.Json;
import pullquote.ingest.SentimentResolver;
import pullquote.sentiment.LinearSentimentModel;

/** {@code pullquote index}: rebuilds the index offline and swaps it in when complete. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the index from critic pages (.txt), CSV and JSON Lines files or directories.",
      "The new index is built beside the live one and swapped in only when complete."
    })
final class IndexCommand implements Callable<Integer> {

  @Mixin IndexOption index = new IndexOption();

  @Mixin ModelOption model = new ModelOption();

  @Option(
      names = "--work",
      paramLabel = "TITLE",
      description = "Work title for pages (and rows) that name none.")
  String work;

  @Option(
      names = "--map",
      paramLabel = "FIELD=COLUMN",
      description =
          "Map an export column to a review field (id, work, critic, publication, date, score, label, text).")
  List<String> mappings = new ArrayList<>();

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to index.")
  List<Path> paths;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ColumnMapping columns;
    try {
      columns = ColumnMapping.parse(mappings);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return build(index.dir(), paths, new IngestOptions(work, columns), quiet, model.load());
  }

  /** Indexes the bundled sample data, quietly, with the bundled model. */
  static int buildSample(Path indexDir) {
    return build(
        indexDir,
        List.of(AppHome.sampleData()),
        IngestOptions.DEFAULT,
        true,
        LinearSentimentModel.bundled());
  }

  /** Builds the index and prints the report; the composition root for a build. */
  static int build(
      Path indexDir,
      List<Path> paths,
      IngestOptions options,
      boolean quiet,
      LinearSentimentModel model) {
    var json = Json.newMapper();
    var ingestor = new Ingestor(new SentimentResolver(model), json, options);
    var builder = new IndexBuilder(ingestor, ReviewAnalyzers.create(), json, Clock.systemUTC());
    var out = System.out;
    try (var progress = ProgressDisplay.forTerminal(quiet)) {
      IndexBuilder.Result result = builder.build(new IndexLayout(indexDir), paths, progress);
      progress.close();
      BuildReportPrinter.print(result, indexDir, out, System.err);
      return result.published() ? 0 : 1;
    } catch (java.io.IOException | RuntimeException e) {
      System.err.println(
          "pullquote index: could not write the index in " + indexDir + ": " + e.getMessage());
      System.err.println("The index that was there before is unchanged.");
      return 1;
    }
  }
}
