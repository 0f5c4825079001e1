package pullquote.bench;

import java.io.PrintStream;
import java.util.List;
import pullquote.bench.RelevanceBenchmark.Rates;
import pullquote.bench.RelevanceBenchmark.Row;
import pullquote.bench.RelevanceBenchmark.Scored;

/** The relevance run as text: the table, and the queries pullquote did not rank first. */
public final class RelevanceTable {

  /** Texts in the misses are cut to this many characters. */
  private static final int SHOWN_CHARS = 160;

  private static final String NOT_SHOWN = "not in the first " + ClassicParserBaseline.PAGE;

  private final PrintStream out;

  public RelevanceTable(PrintStream out) {
    this.out = out;
  }

  public void print(RelevanceReport report) {
    RelevanceReport.Run run = report.run();
    out.printf(
        "%,d reviews, seed %d, %d queries per kind; drawn in %.1f s, searched in %.1f s%n",
        run.reviews(), run.seed(), run.perKind(), run.drawSeconds(), run.runSeconds());
    out.println("repeat with: " + run.command());
    out.printf("%-20s | %7s | %-26s | %s%n", "", "", "pullquote", "baseline (classic OR, BM25)");
    out.printf(
        "%-20s | %7s | %-26s | %s%n",
        "kind", "queries", "top-1  top-3  zero-hit", "top-1  top-3  zero-hit");
    for (Row row : report.rows()) {
      out.printf(
          "%-20s | %7d | %-26s | %s%n",
          row.kind(), row.queries(), rates(row.pullquote()), rates(row.baseline()));
    }
  }

  private static String rates(Rates r) {
    return String.format("%.3f  %.3f  %.3f", r.top1(), r.top3(), r.zeroHit());
  }

  /** Up to {@code perKind} queries of each kind that pullquote did not rank first. */
  public void printMisses(List<Scored> scored, int perKind) {
    out.printf(
        "%nMisses: up to %d a kind where pullquote did not rank the review first%n", perKind);
    for (QuoteKind kind : QuoteKind.values()) {
      List<Scored> misses =
          scored.stream()
              .filter(s -> s.query().kind() == kind && !s.pullquote().first())
              .limit(perKind)
              .toList();
      for (Scored miss : misses) {
        printMiss(miss);
      }
    }
  }

  private void printMiss(Scored miss) {
    RelevanceQuery q = miss.query();
    var ours = miss.pullquote();
    String where =
        ours.zeroHit()
            ? "no hits"
            : (ours.rank() == null ? NOT_SHOWN : "rank " + ours.rank()) + " of " + ours.total();
    out.printf("[%s] %s  (%s; baseline %s)%n", q.kind().key(), q.text(), where, baseline(miss));
    out.println("  review: " + cut(q.target().text()));
    if (miss.pullquoteTop() != null) {
      out.println("  top:    " + cut(miss.pullquoteTop().text()));
    }
  }

  private static String baseline(Scored miss) {
    Integer rank = miss.baseline().rank();
    return rank == null ? NOT_SHOWN : "rank " + rank;
  }

  private static String cut(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= SHOWN_CHARS ? flat : flat.substring(0, SHOWN_CHARS - 1) + "…";
  }
}
