package pullquote.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import pullquote.index.IndexBuilder;
import pullquote.ingest.IngestProblem;
import pullquote.ingest.IngestReport;

/** Prints a build's report: what was read, indexed and skipped, and why. */
final class BuildReportPrinter {

  private static final int PROBLEMS_SHOWN = 20;

  private BuildReportPrinter() {}

  static void print(IndexBuilder.Result result, Path indexDir, PrintStream out, PrintStream err) {
    IngestReport report = result.report();
    int shown = 0;
    for (IngestProblem problem : report.problems()) {
      if (shown++ >= PROBLEMS_SHOWN) {
        break;
      }
      err.println(problem);
    }
    long more = report.problems().size() + report.unlistedProblems() - PROBLEMS_SHOWN;
    if (more > 0) {
      err.println("... and " + more + " more");
    }
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
    out.printf(Locale.ROOT, "Elapsed:           %.1f s%n", result.info().elapsedMs() / 1000.0);
    if (result.published()) {
      out.println("Index ready: " + result.generation() + " (now served from " + indexDir + ")");
    } else {
      out.println("Nothing could be indexed; the index in " + indexDir + " is unchanged.");
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
              key instanceof Enum<?> e
                  ? e.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                  : key.toString();
          text.append(name).append(' ').append(n);
        });
    return text.append(')').toString();
  }
}
