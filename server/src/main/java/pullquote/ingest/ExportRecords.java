package pullquote.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import pullquote.sentiment.RatingScale;

/**
 * Turns one export record (a CSV row or a JSON line, as field values) into a raw review, or skips
 * it with a reason. The one place CSV and JSON Lines share their record rules.
 */
final class ExportRecords {

  private static final java.util.regex.Pattern RT_LINK =
      java.util.regex.Pattern.compile("(?:https?://www\\.rottentomatoes\\.com/)?m/[a-z0-9_\\-]+");

  private ExportRecords() {}

  static void emit(
      Map<InputField, String> values,
      String fallbackWork,
      Path file,
      int line,
      RatingScale.Context scoreContext,
      ReviewSink sink) {
    for (Map.Entry<InputField, String> entry : values.entrySet()) {
      if (FieldValues.hasReplacementCharacter(entry.getValue())) {
        sink.skip(file, line, SkipReason.INVALID_UTF8, "invalid UTF-8 in " + entry.getKey().key());
        return;
      }
    }
    String text = FieldValues.clean(values.get(InputField.TEXT));
    if (text == null) {
      sink.skip(file, line, SkipReason.EMPTY_TEXT, "the review has no text");
      return;
    }
    String work = workTitle(FieldValues.clean(values.get(InputField.WORK)));
    String critic = FieldValues.critic(values.get(InputField.CRITIC));
    String publication = FieldValues.clean(values.get(InputField.PUBLICATION));
    String overlong = FieldValues.overlongName(names(work, critic, publication));
    if (overlong != null) {
      sink.skip(file, line, SkipReason.MALFORMED_ROW, overlong);
      return;
    }
    sink.accept(
        new RawReview(
            FieldValues.clean(values.get(InputField.ID)),
            work == null ? fallbackWork : work,
            critic,
            publication,
            date(values.get(InputField.DATE), file, line, sink),
            FieldValues.clean(values.get(InputField.SCORE)),
            scoreContext,
            FieldValues.clean(values.get(InputField.LABEL)),
            null,
            text,
            file.toString(),
            line));
  }

  /** Rotten Tomatoes exports name the film by its link, "m/the_lantern_keeper"; show a title. */
  private static String workTitle(String work) {
    if (work != null && RT_LINK.matcher(work).matches()) {
      return WorkTitles.fromSlug(work.substring(work.indexOf('/') + 1));
    }
    return work;
  }

  private static Map<String, String> names(String work, String critic, String publication) {
    Map<String, String> names = new java.util.LinkedHashMap<>();
    names.put("work", work);
    names.put("critic", critic);
    names.put("publication", publication);
    return names;
  }

  private static LocalDate date(String raw, Path file, int line, ReviewSink sink) {
    if (FieldValues.clean(raw) == null) {
      return null;
    }
    Optional<LocalDate> date = FieldValues.date(raw);
    if (date.isEmpty()) {
      sink.warn(file, line, "unreadable date", "date '" + raw + "' is not a date; left empty");
      return null;
    }
    if (FieldValues.PLACEHOLDER_DATES.contains(date.get())) {
      sink.warn(file, line, "placeholder date", "date " + raw + " is a placeholder; left empty");
      return null;
    }
    return date.get();
  }
}
