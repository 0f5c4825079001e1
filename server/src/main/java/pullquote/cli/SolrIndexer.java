package pullquote.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import pullquote.index.solr.SolrConfigset;
import pullquote.index.solr.SolrConnection;
import pullquote.index.solr.SolrRebuild;
import pullquote.index.solr.SolrRebuildException;
import pullquote.ingest.IngestOptions;
import pullquote.ingest.Ingestor;
import pullquote.ingest.Json;
import pullquote.ingest.SentimentResolver;

/**
 * {@code pullquote index --solr URL --collection NAME}: the composition root of a SolrCloud
 * rebuild, printing what the local build prints (progress, problems, the report) and, last, where
 * the reviews went.
 */
final class SolrIndexer {

  /** Threads sending batches while the input is read; they mostly wait on the cluster. */
  private static final int SENDERS = 2;

  private SolrIndexer() {}

  static int rebuild(
      SolrConnection connection,
      SolrRebuild.Shape shape,
      List<Path> paths,
      IngestOptions options,
      boolean quiet,
      pullquote.sentiment.TextSentimentModel model) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    var ingestor = new Ingestor(new SentimentResolver(model), Json.newMapper(), options);
    SolrConfigset configset;
    try {
      configset = SolrConfigset.bundled();
    } catch (IOException e) {
      err.println("pullquote index: " + e.getMessage());
      return 1;
    }
    var rebuild = new SolrRebuild(ingestor, Clock.systemUTC(), configset, SENDERS);
    try (var progress = ProgressDisplay.forTerminal(quiet)) {
      SolrRebuild.Result result =
          rebuild.rebuild(
              connection,
              shape,
              paths,
              progress,
              sentence -> {
                progress.endBar();
                err.println(sentence);
              });
      progress.close();
      BuildReportPrinter.printReport(result.report(), result.info(), out, err);
      out.println(outcome(result));
      return result.published() ? 0 : 1;
    } catch (SolrRebuildException e) {
      err.println("pullquote index: " + e.getMessage());
      return 1;
    }
  }

  /** The last line: where the reviews went, or that nothing changed. */
  static String outcome(SolrRebuild.Result result) {
    if (!result.published()) {
      return "Nothing could be indexed; alias " + result.alias() + " is unchanged.";
    }
    StringBuilder line =
        new StringBuilder("Collection ready: ")
            .append(result.collection())
            .append(" (alias ")
            .append(result.alias())
            .append(" now points to it");
    if (!result.previous().isEmpty()) {
      line.append(", was ").append(String.join(",", result.previous()));
    }
    if (!result.dropped().isEmpty()) {
      line.append("; dropped ").append(String.join(", ", result.dropped()));
    }
    return line.append(')').toString();
  }
}
