package pullquote.bench;

import java.util.List;
import pullquote.bench.RankedAnswer.Outcome;
import pullquote.bench.RelevanceBenchmark.Row;
import pullquote.bench.RelevanceBenchmark.Scored;

/**
 * What a relevance run found, as it is written to JSON: how it was run, the table's figures and
 * every query's outcome.
 */
public record RelevanceReport(Run run, List<Row> rows, List<QueryLine> queries) {

  public RelevanceReport {
    rows = List.copyOf(rows);
    queries = List.copyOf(queries);
  }

  /**
   * How the run went.
   *
   * @param reviews the reviews in the index searched
   * @param command the command line that repeats the run
   */
  public record Run(
      int reviews, long seed, int perKind, String command, double drawSeconds, double runSeconds) {}

  /**
   * One query and where each engine ranked its target.
   *
   * @param quote the words as the review has them
   */
  public record QueryLine(
      String kind,
      String text,
      String quote,
      String targetId,
      Outcome pullquote,
      Outcome baseline) {

    static QueryLine of(Scored scored) {
      RelevanceQuery q = scored.query();
      return new QueryLine(
          q.kind().key(),
          q.text(),
          String.join(" ", q.quote()),
          q.target().id(),
          scored.pullquote(),
          scored.baseline());
    }
  }

  public static RelevanceReport of(Run run, List<Scored> scored) {
    return new RelevanceReport(
        run, RelevanceBenchmark.rows(scored), scored.stream().map(QueryLine::of).toList());
  }
}
