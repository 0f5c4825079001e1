package pullquote.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pullquote.sentiment.RatingScale;

/**
 * One numbered entry of a critic page, in any of its shapes: metadata lines (reviewer, bare score,
 * date) in any order, then the text.
 *
 * @param number the entry's number on the page, which places it in the page's distribution
 */
record PageEntry(
    int number, int line, String critic, String scoreRaw, LocalDate date, String text) {

  static Optional<PageEntry> parse(
      int number, int line, List<String> items, Path file, ReviewSink sink) {
    String critic = null;
    String score = null;
    LocalDate date = null;
    List<String> text = new ArrayList<>();
    for (String item : items) {
      Optional<LocalDate> asDate;
      if (!text.isEmpty()) {
        text.add(item);
      } else if (MetacriticPageReader.isReviewedBy(item)) {
        critic = FieldValues.critic(MetacriticPageReader.reviewedBy(item));
      } else if (score == null && MetacriticPageReader.isBareScore(item)) {
        score = item;
      } else if (date == null && (asDate = FieldValues.date(item)).isPresent()) {
        date = asDate.get();
      } else {
        text.add(item);
      }
    }
    String joined = FieldValues.clean(String.join(" ", text));
    if (joined == null) {
      sink.skip(file, line, SkipReason.EMPTY_TEXT, "entry " + number + " has no review text");
      return Optional.empty();
    }
    if (FieldValues.hasReplacementCharacter(joined)
        || FieldValues.hasReplacementCharacter(critic)) {
      sink.skip(file, line, SkipReason.INVALID_UTF8, "entry " + number + " has invalid UTF-8");
      return Optional.empty();
    }
    return Optional.of(new PageEntry(number, line, critic, score, date, joined));
  }

  RawReview toRawReview(String work, PageDistribution distribution, Path file) {
    return new RawReview(
        null,
        work,
        critic,
        null,
        date,
        scoreRaw,
        RatingScale.Context.PAGE,
        null,
        distribution == null ? null : distribution.classOf(number),
        text,
        file.toString(),
        line);
  }
}
