package pullquote.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pullquote.index.BuildInfo;
import pullquote.index.IndexBuilder;
import pullquote.ingest.IngestProblem;
import pullquote.ingest.IngestReport;

/** Prints a build's report: what was read, indexed and skipped, and why. */
final class BuildReportPrinter {

  private static final int PROBLEMS_SHOWN = 20;
  private static final int NOTE_EXAMPLES = 3;

  private BuildReportPrinter() {}

  static void print(IndexBuilder.Result result, Path indexDir, PrintStream out, PrintStream err) {
    printReport(result.report(), result.info(), out, err);
    if (result.published()) {
      out.println("Index ready: " + result.generation() + " (now served from " + indexDir + ")");
    } else {
      out.println("Nothing could be indexed; the index in " + indexDir + " is unchanged.");
    }
  }

  /**
   * The report every build prints, local or on Solr: problems on {@code err}, counts on {@code
   * out}. The caller adds the line that says where the reviews went.
   */
  static void printReport(IngestReport report, BuildInfo info, PrintStream out, PrintStream err) {
    listProblems(report, err);
    out.printf(Locale.ROOT, "Files read:        %d%n", report.filesRead());
    out.printf(Locale.ROOT, "Reviews indexed:   %d%n", report.reviews());
    out.printf(
        Locale.ROOT,
        "Skipped:           %d%s%n",
        report.skippedTotal(),
        breakdown(report.skipped()));
    if (!report.notes().isEmpty()) {
      out.printf(Locale.ROOT, "Notes:             %s%n", breakdown(report.notes()).strip());
    }
    out.printf(Locale.ROOT, "Sentiment:         %s%n", breakdown(report.bySentiment()).strip());
    out.printf(Locale.ROOT, "Sentiment source:  %s%n", breakdown(report.bySource()).strip());
    out.printf(Locale.ROOT, "Elapsed:           %.1f s%n", info.elapsedMs() / 1000.0);
  }

  /**
   * Skipped records first, since each is a review lost; then a few examples of each kind of note,
   * whose counts the report gives in full.
   */
  private static void listProblems(IngestReport report, PrintStream err) {
    List<IngestProblem> skipped =
        report.problems().stream().filter(IngestProblem::skipped).toList();
    skipped.stream().limit(PROBLEMS_SHOWN).forEach(err::println);
    if (report.skippedTotal() > PROBLEMS_SHOWN) {
      err.println("... and " + (report.skippedTotal() - PROBLEMS_SHOWN) + " more skipped");
    }
    Map<String, Integer> examplesByDetail = new java.util.HashMap<>();
    for (IngestProblem note : report.problems()) {
      if (!note.skipped()
          && examplesByDetail.merge(
                  note.detail().replaceAll("'.*'|\\d{4}-\\d\\d-\\d\\d", "…"), 1, Integer::sum)
              <= NOTE_EXAMPLES) {
        err.println(note);
      }
    }
  }

  private static String breakdown(Map<?, Long> counts) {
    if (counts.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder(" (");
    counts.forEach(
        (key, n) -> {
          if (text.length() > 2) {
            text.append(", ");
          }
          String name =
              key instanceof pullquote.sentiment.SentimentSource source
                  ? source.key()
                  : key instanceof Enum<?> e
                      ? e.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                      : key.toString();
          text.append(name).append(' ').append(n);
        });
    return text.append(')').toString();
  }
}
