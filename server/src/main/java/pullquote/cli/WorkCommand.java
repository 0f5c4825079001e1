package pullquote.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import pullquote.search.profile.Profiles;
import pullquote.search.profile.WorkProfile;

/** {@code pullquote work TITLE}: the work's profile, as {@code GET /api/works/TITLE} has it. */
@Command(
    name = "work",
    mixinStandardHelpOptions = true,
    description =
        "A work's profile: Metacritic's verdict on its reviews, their spread and mean score, its"
            + " critics, and the strongest positive and negative pull quotes.")
final class WorkCommand extends ProfileCommand<WorkProfile> {

  private static final int LISTED = 10;

  @Parameters(arity = "1..*", paramLabel = "TITLE", description = "The work's title.")
  java.util.List<String> title;

  @Override
  Optional<WorkProfile> profile(Profiles profiles) {
    return profiles.work(String.join(" ", title));
  }

  @Override
  String missing() {
    return "no review is of a work titled '" + String.join(" ", title) + "'";
  }

  @Override
  void print(WorkProfile p, PrintStream out) {
    var v = p.verdict();
    out.printf(
        Locale.ROOT,
        "%s: %s%s – based on %s %s%n",
        p.title(),
        v.label(),
        v.figure() == null ? "" : " (" + v.figure() + ")",
        number(v.basedOn()),
        "scores".equals(v.from()) ? "scored reviews" : "reviews");
    out.println(
        number(p.reviews())
            + " reviews: "
            + mix(p.sentiment())
            + (p.meanScore() == null ? "" : "; mean score " + p.meanScore()));
    printQuotes("Positive", p.positiveQuotes(), out);
    printQuotes("Negative", p.negativeQuotes(), out);
    out.printf(Locale.ROOT, "%nCritics (by score):%n");
    for (var c : ProfileCommand.first(p.critics(), LISTED)) {
      out.printf(
          Locale.ROOT,
          "  %s  %-8s %s%s%n",
          grade(c.score(), c.scoreRaw()),
          c.sentiment(),
          c.critic() == null ? "uncredited" : c.critic(),
          c.publication() == null ? "" : ", " + c.publication());
    }
    if (p.reviews() > LISTED) {
      out.println(
          "  … and "
              + number(p.reviews() - LISTED)
              + " more (--json lists "
              + (p.critics().size() < p.reviews()
                  ? "the first " + number(p.critics().size())
                  : "them")
              + ")");
    }
  }

  private static void printQuotes(
      String side, java.util.List<WorkProfile.PullQuote> quotes, PrintStream out) {
    if (quotes.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "%n%s pull quotes:%n", side);
    for (var q : quotes) {
      out.printf(
          Locale.ROOT,
          "  %s%n    — %s%s; the text model %.0f%% sure (%s)%n",
          quoted(q.sentence(), 160),
          q.critic() == null ? "uncredited" : q.critic(),
          q.scoreRaw() == null ? "" : ", " + q.scoreRaw(),
          q.confidence() * 100,
          String.join(", ", q.evidence()));
    }
  }
}
