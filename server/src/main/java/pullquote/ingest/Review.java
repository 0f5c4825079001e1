package pullquote.ingest;

import java.time.LocalDate;
import java.util.List;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

/**
 * A review ready to index: every scale normalised to 0–100 and a sentiment with its source.
 *
 * @param critic null when the review is uncredited
 * @param score the normalised 0–100 score; null when there is none or it could not be read
 * @param scoreRaw the grade as published; null when there is none
 * @param sentimentConfidence the text model's confidence when {@code sentimentSource} is model,
 *     else null
 * @param sentimentEvidence the words or phrases that decided the model's guess; empty otherwise
 * @param source the file the review came from
 * @param position the 1-based line where it starts in that file
 * @param aliases the ids of other copies of this review, merged into it at ingest (the same review
 *     arriving from overlapping exports); empty for a review read once
 */
public record Review(
    String id,
    String work,
    String critic,
    String publication,
    LocalDate date,
    String scoreRaw,
    Integer score,
    Sentiment sentiment,
    SentimentSource sentimentSource,
    Double sentimentConfidence,
    List<String> sentimentEvidence,
    String text,
    String source,
    int position,
    List<String> aliases) {

  public Review {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a review needs an id");
    }
    if (work == null || work.isBlank() || text == null || text.isBlank()) {
      throw new IllegalArgumentException("a review needs a work and text");
    }
    if (score != null && (score < 0 || score > 100)) {
      throw new IllegalArgumentException("score must be within 0–100: " + score);
    }
    if (sentiment == null || sentimentSource == null) {
      throw new IllegalArgumentException("a review needs a sentiment and its source");
    }
    sentimentEvidence = sentimentEvidence == null ? List.of() : List.copyOf(sentimentEvidence);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    if (aliases.contains(id) || aliases.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("an alias is another, non-blank id: " + aliases);
    }
  }

  /** A review read once: no aliases. */
  public Review(
      String id,
      String work,
      String critic,
      String publication,
      LocalDate date,
      String scoreRaw,
      Integer score,
      Sentiment sentiment,
      SentimentSource sentimentSource,
      Double sentimentConfidence,
      List<String> sentimentEvidence,
      String text,
      String source,
      int position) {
    this(
        id,
        work,
        critic,
        publication,
        date,
        scoreRaw,
        score,
        sentiment,
        sentimentSource,
        sentimentConfidence,
        sentimentEvidence,
        text,
        source,
        position,
        List.of());
  }
}
