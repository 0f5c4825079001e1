package pullquote.ingest;

/**
 * Something in the input that was not indexed as it stood: which file, which line (0 for the whole
 * file), why, and the detail a person needs to find and fix it.
 *
 * @param reason null for a warning that skipped nothing
 */
public record IngestProblem(String file, int line, SkipReason reason, String detail) {

  public IngestProblem {
    if (file == null || line < 0 || detail == null) {
      throw new IllegalArgumentException("a problem needs a file, a line >= 0 and a detail");
    }
  }

  public boolean skipped() {
    return reason != null;
  }

  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line : file;
    String what = reason == null ? "note" : "skipped (" + reason.key() + ")";
    return where + ": " + what + ": " + detail;
  }
}
