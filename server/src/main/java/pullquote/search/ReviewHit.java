package pullquote.search;

import java.time.LocalDate;
import java.util.List;
import pullquote.ingest.Review;

/**
 * One review as the API shows it.
 *
 * @param critic null when the review is uncredited
 * @param score the normalised 0–100 score, or null
 * @param scoreRaw the grade as published, or null
 * @param sentimentEvidence when the text model chose the sentiment, the words that decided it
 * @param highlights where the query matched; empty lists when it matched on filters alone
 * @param aliases other ids the review was read under (copies merged into it); it answers to them
 */
public record ReviewHit(
    String id,
    String work,
    String critic,
    String publication,
    LocalDate date,
    Integer score,
    String scoreRaw,
    String sentiment,
    String sentimentSource,
    Double sentimentConfidence,
    List<String> sentimentEvidence,
    String text,
    Highlights highlights,
    String source,
    int position,
    List<String> aliases) {

  public static ReviewHit of(Review review, Highlights highlights) {
    return new ReviewHit(
        review.id(),
        review.work(),
        review.critic(),
        review.publication(),
        review.date(),
        review.score(),
        review.scoreRaw(),
        review.sentiment().key(),
        review.sentimentSource().key(),
        review.sentimentConfidence(),
        review.sentimentEvidence(),
        review.text(),
        highlights,
        review.source(),
        review.position(),
        review.aliases());
  }
}
