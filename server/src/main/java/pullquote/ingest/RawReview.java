package pullquote.ingest;

import java.time.LocalDate;
import pullquote.sentiment.RatingScale;
import pullquote.sentiment.Sentiment;

/**
 * A review as a reader found it, before scores are normalised, a sentiment is chosen and an id is
 * given. Text is required; everything else may be null.
 *
 * @param sourceId the id the export gave the review, if any
 * @param scoreRaw the grade as published
 * @param scoreContext how a bare number in {@code scoreRaw} is to be read
 * @param label a fresh/rotten or positive/negative label, as published
 * @param pageSentiment the class implied by the page's stated distribution, if it can be trusted
 * @param source the file the review came from
 * @param position the 1-based line where the review starts in that file
 */
public record RawReview(
    String sourceId,
    String work,
    String critic,
    String publication,
    LocalDate date,
    String scoreRaw,
    RatingScale.Context scoreContext,
    String label,
    Sentiment pageSentiment,
    String text,
    String source,
    int position) {

  public RawReview {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a review needs text");
    }
    if (work == null || work.isBlank()) {
      throw new IllegalArgumentException("a review needs a work");
    }
    if (source == null || position < 1) {
      throw new IllegalArgumentException("a review needs a source file and a 1-based position");
    }
    if (scoreContext == null) {
      scoreContext = RatingScale.Context.EXPORT;
    }
  }
}
