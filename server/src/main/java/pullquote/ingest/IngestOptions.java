package pullquote.ingest;

/**
 * Choices an operator makes for a run.
 *
 * @param work the work title to use where the input names none (pages: for every entry); null to
 *     derive it
 * @param columns how export columns map to review fields
 */
public record IngestOptions(String work, ColumnMapping columns) {

  public static final IngestOptions DEFAULT = new IngestOptions(null, ColumnMapping.DEFAULT);

  public IngestOptions {
    if (work != null && work.isBlank()) {
      throw new IllegalArgumentException("--work needs a title");
    }
    if (columns == null) {
      columns = ColumnMapping.DEFAULT;
    }
  }
}
