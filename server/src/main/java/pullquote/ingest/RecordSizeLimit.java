package pullquote.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Fails a read once one record has taken more than a set number of characters, so a parser chasing
 * an unclosed quote stops with an error instead of holding the rest of the file in memory. The
 * count is approximate by the parser's read-ahead buffer, which is small.
 */
final class RecordSizeLimit extends FilterReader {

  private final long limit;
  private long sinceRecordStart;

  RecordSizeLimit(Reader in, long limit) {
    super(in);
    this.limit = limit;
  }

  /** Called before each record is parsed. */
  void startRecord() {
    sinceRecordStart = 0;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    count(c < 0 ? 0 : 1);
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    count(Math.max(n, 0));
    return n;
  }

  private void count(int n) throws IOException {
    sinceRecordStart += n;
    if (sinceRecordStart > limit) {
      throw new IOException("a row is longer than " + limit + " characters");
    }
  }
}
