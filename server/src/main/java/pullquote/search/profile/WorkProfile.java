package pullquote.search.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How a work stands with its critics.
 *
 * @param title the title as its reviews spell it
 * @param verdict Metacritic's words for the spread, and what they rest on
 * @param meanScore the mean normalised score over the scored reviews, or null
 * @param critics every review of the work, highest score first (up to {@link
 *     Profiles#LISTED_WORKS})
 * @param positiveQuotes the strongest short sentences of the positive reviews, strongest first
 * @param negativeQuotes the same of the negative reviews
 */
public record WorkProfile(
    String title,
    long reviews,
    Verdict verdict,
    Double meanScore,
    long scored,
    Map<String, Long> sentiment,
    Map<String, Long> score,
    List<CriticOnWork> critics,
    List<PullQuote> positiveQuotes,
    List<PullQuote> negativeQuotes) {

  /**
   * Metacritic's bands (81–100 universal acclaim, 61–80 generally favorable, 40–60 mixed or
   * average, 20–39 generally unfavorable, 0–19 overwhelming dislike) over a 0–100 figure: the mean
   * score when at least {@link Profiles#VERDICT_MIN} reviews are scored, else the sentiment mix
   * (positive 100, mixed 50, negative 0) when at least that many reviews there are; else no verdict
   * yet.
   *
   * @param label the band's words, or "No verdict yet"
   * @param figure the 0–100 figure the band was read from, or null
   * @param from "scores", "sentiment", or null when there is no verdict
   * @param basedOn how many reviews the figure rests on
   */
  public record Verdict(String label, Integer figure, String from, long basedOn) {}

  /** One critic's review of the work. */
  public record CriticOnWork(
      String critic,
      String publication,
      String id,
      Integer score,
      String scoreRaw,
      String sentiment,
      LocalDate date) {}

  /**
   * A sentence to quote, and why it is strong.
   *
   * @param confidence the text model's probability of the review's class for this sentence alone
   * @param evidence the words of the sentence that decided the model
   */
  public record PullQuote(
      String id,
      String critic,
      String publication,
      String sentence,
      String sentiment,
      Integer score,
      String scoreRaw,
      double confidence,
      List<String> evidence) {}
}
