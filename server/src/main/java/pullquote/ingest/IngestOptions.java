package pullquote.ingest;

/**
 * Choices an operator makes for a run.
 *
 * @param work the work title to use where the input names none (pages: for every entry); null to
 *     derive it
 * @param columns how export columns map to review fields
 * @param sourceLabel what a review's {@code source} calls the path it was read under, in place of
 *     that path's own name; null for its name
 */
public record IngestOptions(String work, ColumnMapping columns, String sourceLabel) {

  public static final IngestOptions DEFAULT = new IngestOptions(null, ColumnMapping.DEFAULT);

  public IngestOptions(String work, ColumnMapping columns) {
    this(work, columns, null);
  }

  public IngestOptions {
    if (work != null && work.isBlank()) {
      throw new IllegalArgumentException("--work needs a title");
    }
    if (columns == null) {
      columns = ColumnMapping.DEFAULT;
    }
    if (sourceLabel != null && (sourceLabel.isBlank() || sourceLabel.contains("/"))) {
      throw new IllegalArgumentException("--source-label needs a name without '/'");
    }
  }
}
