package pullquote.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import pullquote.search.ReviewHit;
import pullquote.search.profile.CriticProfile;
import pullquote.search.profile.Profiles;

/** {@code pullquote critic NAME}: the critic's profile, as {@code GET /api/critics/NAME} has it. */
@Command(
    name = "critic",
    mixinStandardHelpOptions = true,
    description =
        "A critic's profile: reviews, years, publications, scores and sentiment, how generous they"
            + " are beside the other critics of the same works, and how often they agree with them.")
final class CriticCommand extends ProfileCommand<CriticProfile> {

  private static final int LISTED = 10;

  @Parameters(arity = "1..*", paramLabel = "NAME", description = "The critic's name.")
  java.util.List<String> name;

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      description = "The works list's order: score (default), date or work.")
  String sort = "score";

  @Override
  Optional<CriticProfile> profile(Profiles profiles) {
    return profiles.critic(String.join(" ", name), sort);
  }

  @Override
  String missing() {
    return "no review is by a critic named '" + String.join(" ", name) + "'";
  }

  @Override
  void print(CriticProfile p, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%s: %s review%s%s%n",
        p.name(),
        number(p.reviews()),
        p.reviews() == 1 ? "" : "s",
        p.firstYear() == null ? "" : ", " + p.firstYear() + "–" + p.lastYear());
    if (!p.publications().isEmpty()) {
      out.println(
          "Publications: "
              + String.join(
                  ", ",
                  first(p.publications(), 5).stream()
                      .map(v -> v.value() + " " + number(v.count()))
                      .toList()));
    }
    out.println("Sentiment:    " + mix(p.sentiment()));
    out.println(
        "Scores:       "
            + number(p.scored())
            + " scored"
            + (p.meanScore() == null ? "" : ", mean " + p.meanScore()));
    var g = p.generosity();
    out.println(
        "Generosity:   "
            + (g.points() == null
                ? "no work another critic scored too"
                : String.format(Locale.ROOT, "%+.1f", g.points())
                    + " points beside the other critics of the same works ("
                    + number(g.works())
                    + " works)"));
    var a = p.agreement();
    out.println(
        "Agreement:    "
            + (a.share() == null
                ? "no work with " + a.minOthers() + " other critics"
                : Math.round(a.share() * 100)
                    + "% on the side of most other critics ("
                    + number(a.works())
                    + " works with "
                    + a.minOthers()
                    + " or more others)"));
    printReviews("Most favourable", p.mostFavourable(), out);
    printReviews("Harshest", p.harshest(), out);
    out.printf(Locale.ROOT, "%nWorks reviewed (by %s):%n", sort);
    for (var w : first(p.works(), LISTED)) {
      out.printf(
          Locale.ROOT,
          "  %s  %-8s %s%s%n",
          grade(w.score(), w.scoreRaw()),
          w.sentiment(),
          w.work(),
          w.date() == null ? "" : ", " + w.date());
    }
    if (p.reviews() > LISTED) {
      out.println(
          "  … and "
              + number(p.reviews() - LISTED)
              + " more (--json lists "
              + (p.works().size() < p.reviews() ? "the first " + number(p.works().size()) : "them")
              + ")");
    }
  }

  private static void printReviews(String title, java.util.List<ReviewHit> hits, PrintStream out) {
    if (hits.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "%n%s:%n", title);
    for (ReviewHit h : hits) {
      out.printf(
          Locale.ROOT,
          "  %s  %s — %s%n",
          grade(h.score(), h.scoreRaw()),
          h.work(),
          quoted(h.text(), 120));
    }
  }
}
