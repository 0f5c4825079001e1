package pullquote.ingest;

import java.nio.file.Path;

/** Where a reader sends what it finds: reviews, and the records it had to skip or doubt. */
public interface ReviewSink {

  void accept(RawReview review);

  void skip(Path file, int line, SkipReason reason, String detail);

  /**
   * Notes a doubt that skipped nothing.
   *
   * @param kind a short stable name the report counts by, such as "placeholder date"
   */
  void warn(Path file, int line, String kind, String detail);

  /** Reports how far through the file the reader is, in characters or bytes read. */
  default void progress(long consumed) {}
}
