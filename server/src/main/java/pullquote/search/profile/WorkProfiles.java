package pullquote.search.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import pullquote.ingest.Review;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.TextSentimentModel;

/** Where a work's reviews become its profile: the verdict, the spread and the pull quotes. */
final class WorkProfiles {

  /** Where one sentence ends and the next begins. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}\"“'‘])");

  /** A pull quote is a sentence of a few words, short enough to read at a glance. */
  private static final int QUOTE_MIN_WORDS = 3;

  private static final int QUOTE_MAX_CHARS = 160;
  private static final int QUOTES = 3;

  /**
   * The reviews of a side whose sentences are weighed: its most decided ones, by score (then by
   * id). Weighing every sentence of a work's 7,000 reviews took 250 ms on the 1M corpus.
   */
  private static final int QUOTE_CANDIDATES = 100;

  private WorkProfiles() {}

  static WorkProfile of(List<Review> reviews, TextSentimentModel model) {
    List<Review> byId = reviews.stream().sorted(Comparator.comparing(Review::id)).toList();
    return new WorkProfile(
        byId.getFirst().work(),
        byId.size(),
        verdict(byId),
        Figures.meanScore(byId),
        Figures.scored(byId),
        Figures.sentiment(byId),
        Figures.scores(byId),
        byId.stream()
            .sorted(CriticProfiles.order("score"))
            .limit(Profiles.LISTED_WORKS)
            .map(
                r ->
                    new WorkProfile.CriticOnWork(
                        r.critic(),
                        r.publication(),
                        r.id(),
                        r.score(),
                        r.scoreRaw(),
                        r.sentiment().key(),
                        r.date()))
            .toList(),
        quotes(byId, Sentiment.POSITIVE, model),
        quotes(byId, Sentiment.NEGATIVE, model));
  }

  static WorkProfile.Verdict verdict(List<Review> reviews) {
    long scored = Figures.scored(reviews);
    if (scored >= Profiles.VERDICT_MIN) {
      int figure = (int) Math.round(Figures.meanScore(reviews));
      return new WorkProfile.Verdict(band(figure), figure, "scores", scored);
    }
    if (reviews.size() >= Profiles.VERDICT_MIN) {
      double sum = 0;
      for (Review r : reviews) {
        sum +=
            r.sentiment() == Sentiment.POSITIVE ? 100 : r.sentiment() == Sentiment.MIXED ? 50 : 0;
      }
      int figure = (int) Math.round(sum / reviews.size());
      return new WorkProfile.Verdict(band(figure), figure, "sentiment", reviews.size());
    }
    return new WorkProfile.Verdict("No verdict yet", null, null, reviews.size());
  }

  /** Metacritic's words for a 0–100 figure. */
  static String band(int figure) {
    if (figure >= 81) {
      return "Universal acclaim";
    }
    if (figure >= 61) {
      return "Generally favorable reviews";
    }
    if (figure >= 40) {
      return "Mixed or average reviews";
    }
    return figure >= 20 ? "Generally unfavorable reviews" : "Overwhelming dislike";
  }

  /**
   * From each review of the class, its one sentence the text model is surest has that class; the
   * surest of those first (then the review's score, then the shorter sentence).
   */
  static List<WorkProfile.PullQuote> quotes(
      List<Review> reviews, Sentiment side, TextSentimentModel model) {
    List<WorkProfile.PullQuote> best = new ArrayList<>();
    Comparator<Review> decided =
        Comparator.comparing(
            (Review r) ->
                r.score() == null ? -1 : side == Sentiment.POSITIVE ? r.score() : 100 - r.score(),
            Comparator.reverseOrder());
    List<Review> candidates =
        reviews.stream()
            .filter(r -> r.sentiment() == side)
            .sorted(decided.thenComparing(Review::id))
            .limit(QUOTE_CANDIDATES)
            .toList();
    for (Review r : candidates) {
      WorkProfile.PullQuote pick = null;
      for (String sentence : SENTENCE_END.split(r.text().strip())) {
        if (sentence.length() > QUOTE_MAX_CHARS
            || sentence.split("\\s+").length < QUOTE_MIN_WORDS) {
          continue;
        }
        TextSentimentModel.Prediction p = model.classify(sentence);
        double sure = side == Sentiment.POSITIVE ? p.positive() : p.negative();
        if (pick == null || sure > pick.confidence()) {
          pick =
              new WorkProfile.PullQuote(
                  r.id(),
                  r.critic(),
                  r.publication(),
                  sentence,
                  side.key(),
                  r.score(),
                  r.scoreRaw(),
                  Math.round(sure * 1000) / 1000.0,
                  p.evidence());
        }
      }
      if (pick != null) {
        best.add(pick);
      }
    }
    Comparator<WorkProfile.PullQuote> strongest =
        Comparator.comparingDouble(WorkProfile.PullQuote::confidence)
            .reversed()
            .thenComparing(
                q -> q.score() == null ? -1 : side == Sentiment.POSITIVE ? q.score() : -q.score(),
                Comparator.reverseOrder())
            .thenComparing(q -> q.sentence().length())
            .thenComparing(WorkProfile.PullQuote::id);
    return best.stream().sorted(strongest).limit(QUOTES).toList();
  }
}
