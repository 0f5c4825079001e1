package pullquote.index.solr;

import java.time.LocalDate;
import java.util.List;
import pullquote.ingest.Review;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

/** Reviews written by hand: one with every field, one with every optional field empty. */
final class SampleReviews {

  private SampleReviews() {}

  static final Review FULL =
      new Review(
          "full-1",
          "Pusher",
          "Noel Murray",
          "The A.V. Club",
          LocalDate.of(1999, 5, 20),
          "B+",
          83,
          Sentiment.POSITIVE,
          SentimentSource.SCORE,
          0.8125,
          List.of("not_dull", "ratchets up", "grimy"),
          "Refn ratchets up the tension; not dull for a second.",
          "sample-data/pusher.txt",
          7,
          List.of("rt:full-1", "csv-export:7"));

  /** No publication, date, grade, score or confidence; no evidence. */
  static final Review SPARSE =
      new Review(
          "sparse-1",
          "Quiet Harbour",
          null,
          null,
          null,
          null,
          null,
          Sentiment.MIXED,
          SentimentSource.MODEL,
          null,
          List.of(),
          "Pretty pictures in search of a story.",
          "extra.jsonl",
          0);
}
