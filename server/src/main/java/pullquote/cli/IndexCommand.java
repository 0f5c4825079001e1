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
import pullquote.index.solr.SolrConnection;
import pullquote.index.solr.SolrRebuild;
import pullquote.ingest.ColumnMapping;
import pullquote.ingest.IngestOptions;
import pullquote.ingest.Ingestor;
import pullquote.ingest.Json;
import pullquote.ingest.SentimentResolver;
import pullquote.sentiment.LinearSentimentModel;

/**
 * {@code pullquote index}: rebuilds the index offline and swaps it in when complete; with {@code
 * --solr}, a SolrCloud collection instead.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the index from critic pages (.txt), CSV and JSON Lines files or directories.",
      "The new index is built beside the live one and swapped in only when complete.",
      "With --solr and --collection NAME: a new SolrCloud collection NAME_gNNNNNN is built,"
          + " checked, and the alias NAME moved to it; older ones but the previous are dropped."
    })
final class IndexCommand implements Callable<Integer> {

  @Mixin IndexOption index = new IndexOption();

  @Mixin SolrOption solr = new SolrOption();

  @Option(
      names = "--shards",
      paramLabel = "N",
      description = "With --solr: shards of the new collection (default: 1).")
  Integer shards;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description = "With --solr: replicas of each shard (default: 1).")
  Integer replicas;

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

  @Option(
      names = "--source-label",
      paramLabel = "NAME",
      description =
          "What a review's source calls each PATH in the API, in place of its own name (the"
              + " files below a directory keep their relative path after it).")
  String sourceLabel;

  @Option(
      names = "--force",
      description = "Build into a directory that holds other files and no index.")
  boolean force;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to index.")
  List<Path> paths;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    IngestOptions options;
    try {
      options = new IngestOptions(work, ColumnMapping.parse(mappings), sourceLabel);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    SolrConnection connection = solr.connection(spec.commandLine());
    if (connection == null) {
      if (shards != null || replicas != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--shards and --replicas shape a SolrCloud collection: give them with --solr and"
                + " --collection");
      }
      String refused = refusal(index, force);
      if (refused != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), refused);
      }
      return build(index.dir(), paths, options, quiet, model.loadTier());
    }
    if (!index.isDefault()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--index names a local index; with --solr a SolrCloud collection is rebuilt instead:"
              + " give one or the other");
    }
    SolrRebuild.Shape shape;
    try {
      shape =
          new SolrRebuild.Shape(
              shards == null ? SolrRebuild.Shape.DEFAULT.shards() : shards,
              replicas == null ? SolrRebuild.Shape.DEFAULT.replicas() : replicas);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--shards and --replicas take 1 or more");
    }
    return SolrIndexer.rebuild(connection, shape, paths, options, quiet, model.loadTier());
  }

  /**
   * Why an index must not be built in the directory, or null: a file, an empty name, or (unless
   * forced) a directory that holds other things and no index, such as {@code /} or a home
   * directory, where a build would scatter its files among the operator's.
   */
  static String refusal(IndexOption index, boolean force) {
    if (index.index != null && index.index.toString().isBlank()) {
      return "--index needs a directory name";
    }
    Path dir = index.dir();
    if (java.nio.file.Files.isSymbolicLink(dir) && !java.nio.file.Files.exists(dir)) {
      return dir
          + (isLinkLoop(dir) ? " is a loop of symbolic links" : " is a link to nothing that exists")
          + "; --index names the directory the index lives in";
    }
    if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
      return dir + " is not a directory; --index names the directory the index lives in";
    }
    if (force || index.isDefault() || !java.nio.file.Files.isDirectory(dir)) {
      return null; // the default index/ is pullquote's own (its README lives there)
    }
    try (var entries = java.nio.file.Files.list(dir)) {
      List<String> names = entries.map(p -> p.getFileName().toString()).toList();
      boolean empty =
          names.isEmpty()
              || names.stream()
                  .anyMatch(
                      n -> n.equals("CURRENT") || n.equals("build.lock") || n.startsWith("gen-"));
      return empty
          ? null
          : dir
              + " holds other files and no index; pick an empty or new directory, or add --force"
              + " to build beside them";
    } catch (java.io.IOException e) {
      return null; // the build says what is wrong with the directory
    }
  }

  private static boolean isLinkLoop(Path link) {
    try {
      link.toRealPath();
      return false;
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    } catch (java.io.IOException e) {
      return true; // ELOOP: "Too many levels of symbolic links"
    }
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
      pullquote.sentiment.TextSentimentModel model) {
    var json = Json.newMapper();
    var ingestor = new Ingestor(new SentimentResolver(model), json, options);
    var builder = new IndexBuilder(ingestor, ReviewAnalyzers.create(), json, Clock.systemUTC());
    var out = System.out;
    boolean hadIndex = hasIndex(indexDir);
    try (var progress = ProgressDisplay.forTerminal(quiet)) {
      IndexBuilder.Result result = builder.build(new IndexLayout(indexDir), paths, progress);
      progress.close();
      BuildReportPrinter.print(result, indexDir, out, System.err);
      return result.published() ? 0 : 1;
    } catch (java.io.IOException | RuntimeException e) {
      System.err.println(
          "pullquote index: could not write the index in "
              + indexDir
              + ": "
              + pullquote.index.WriteFailure.reason(e));
      if (hadIndex) {
        System.err.println("The index that was there before is unchanged.");
      }
      return 1;
    }
  }

  private static boolean hasIndex(Path dir) {
    try {
      return new IndexLayout(dir).current().isPresent();
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }
}
