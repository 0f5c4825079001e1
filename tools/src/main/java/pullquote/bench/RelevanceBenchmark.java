package pullquote.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import pullquote.bench.RankedAnswer.Outcome;

/**
 * Puts misremembered quotes to pullquote's search and to a baseline, and counts how often each
 * ranks the quoted review first, in its top 3, or finds nothing.
 */
public final class RelevanceBenchmark {

  /** The row that sums up the seven ways of misremembering. */
  public static final String ALL_MISREMEMBERED = "misremembered (all)";

  /**
   * One query's outcome on both engines.
   *
   * @param pullquoteTop pullquote's first hit, or null when it found nothing
   */
  public record Scored(
      RelevanceQuery query, Outcome pullquote, Outcome baseline, Hit pullquoteTop) {}

  /** Fractions of a row's queries, each engine apart. */
  public record Rates(double top1, double top3, double zeroHit) {

    static Rates of(List<Outcome> outcomes) {
      return new Rates(
          share(outcomes, Outcome::first),
          share(outcomes, Outcome::inTop3),
          share(outcomes, Outcome::zeroHit));
    }

    private static double share(List<Outcome> outcomes, Predicate<Outcome> counted) {
      return outcomes.isEmpty()
          ? 0
          : (double) outcomes.stream().filter(counted).count() / outcomes.size();
    }
  }

  /** One row of the table: a kind, or all misremembered kinds together. */
  public record Row(String kind, int queries, Rates pullquote, Rates baseline) {}

  private final RankingEngine pullquote;
  private final RankingEngine baseline;

  public RelevanceBenchmark(RankingEngine pullquote, RankingEngine baseline) {
    this.pullquote = pullquote;
    this.baseline = baseline;
  }

  public List<Scored> run(List<RelevanceQuery> queries) throws IOException {
    List<Scored> scored = new ArrayList<>(queries.size());
    for (RelevanceQuery query : queries) {
      RankedAnswer ours = pullquote.answer(query);
      RankedAnswer theirs = baseline.answer(query);
      scored.add(
          new Scored(
              query,
              ours.outcomeFor(query.target()),
              theirs.outcomeFor(query.target()),
              ours.top().isEmpty() ? null : ours.top().get(0)));
    }
    return scored;
  }

  /** The table's rows: each misremembered kind, then all of them together, then the controls. */
  public static List<Row> rows(List<Scored> scored) {
    List<Row> rows = new ArrayList<>();
    for (QuoteKind kind : QuoteKind.misremembered()) {
      rows.add(row(kind.key(), scored, s -> s.query().kind() == kind));
    }
    rows.add(row(ALL_MISREMEMBERED, scored, s -> !s.query().kind().control()));
    for (QuoteKind kind : QuoteKind.values()) {
      if (kind.control()) {
        rows.add(row(kind.key(), scored, s -> s.query().kind() == kind));
      }
    }
    return rows;
  }

  private static Row row(String label, List<Scored> scored, Predicate<Scored> in) {
    List<Scored> picked = scored.stream().filter(in).toList();
    return new Row(
        label, picked.size(), rates(picked, Scored::pullquote), rates(picked, Scored::baseline));
  }

  private static Rates rates(List<Scored> scored, Function<Scored, Outcome> engine) {
    return Rates.of(scored.stream().map(engine).toList());
  }
}
