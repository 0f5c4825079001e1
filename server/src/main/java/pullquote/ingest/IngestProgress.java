package pullquote.ingest;

/** Hears how far a run has got, for a progress bar. */
public interface IngestProgress {

  IngestProgress NONE = (done, total, reviews) -> {};

  /**
   * @param done input consumed so far, in bytes (approximately)
   * @param total all input, in bytes
   * @param reviews reviews accepted so far
   */
  void update(long done, long total, long reviews);
}
