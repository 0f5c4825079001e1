package pullquote.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The review fields an export can carry, each with the column names common exports use for it: the
 * shared critic-reviews schema, the Kaggle Rotten Tomatoes schema and the API's own names.
 */
public enum InputField {
  ID(List.of("id", "review_id")),
  WORK(
      List.of(
          "work", "work_title", "movie_title", "title", "film", "movie", "rotten_tomatoes_link")),
  CRITIC(List.of("critic", "critic_name", "author", "reviewer", "byline")),
  PUBLICATION(List.of("publication", "publisher_name", "publisher", "outlet")),
  DATE(List.of("date", "review_date", "published", "publish_date")),
  SCORE(List.of("score_raw", "original_score", "review_score", "rating", "grade", "score")),
  LABEL(List.of("label", "review_type", "fresh", "sentiment", "verdict")),
  TEXT(List.of("text", "review_content", "content", "quote", "excerpt", "review", "body"));

  private final List<String> aliases;

  InputField(List<String> aliases) {
    this.aliases = aliases;
  }

  /** Column names tried in order when no explicit mapping names this field's column. */
  public List<String> aliases() {
    return aliases;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@code --map} key: a field name or one of its aliases ("score_raw" is SCORE). */
  public static Optional<InputField> parse(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (InputField field : values()) {
      if (field.key().equals(wanted) || field.aliases.contains(wanted)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }
}
