package pullquote.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one file of one format, sending every review and every problem to the sink. */
public interface ReviewReader {

  /**
   * Reads the file; a bad record is skipped and reported, never thrown.
   *
   * @throws IOException only when the file as a whole cannot be read
   */
  void read(Path file, ReviewSink sink) throws IOException;
}
