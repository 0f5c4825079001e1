package pullquote.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines, but never holds more than a set number of characters of one: a longer line is read
 * through and discarded, so a 50 MB line (or a file with no line breaks) costs no more memory than
 * a short one.
 */
final class BoundedLineReader {

  /** Returned in place of a line longer than the limit. */
  static final String TOO_LONG = new String("\u0000too long");

  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[8192];
  private int pos;
  private int end;
  private long consumed;

  /** The last line ended with {@code \r}: a {@code \n} right after it belongs to that break. */
  private boolean afterReturn;

  BoundedLineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** Characters read so far, line breaks included. */
  long consumed() {
    return consumed;
  }

  /**
   * The next line without its line break ({@code \n}, {@code \r\n} or a lone {@code \r}, as {@link
   * java.io.BufferedReader#readLine} splits), {@link #TOO_LONG}, or null at the end.
   */
  String next() throws IOException {
    StringBuilder line = new StringBuilder();
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == end && !fill()) {
        if (!any) {
          return null;
        }
        break;
      }
      if (afterReturn) {
        afterReturn = false;
        if (buffer[pos] == '\n') {
          pos++;
          consumed++;
          continue;
        }
      }
      any = true;
      int start = pos;
      while (pos < end && buffer[pos] != '\n' && buffer[pos] != '\r') {
        pos++;
      }
      int length = pos - start;
      consumed += length;
      if (!tooLong && line.length() + length > maxChars) {
        tooLong = true;
        line = new StringBuilder();
      } else if (!tooLong) {
        line.append(buffer, start, length);
      }
      if (pos < end) {
        afterReturn = buffer[pos] == '\r';
        pos++;
        consumed++;
        break;
      }
    }
    return tooLong ? TOO_LONG : line.toString();
  }

  private boolean fill() throws IOException {
    end = Math.max(0, in.read(buffer, 0, buffer.length));
    pos = 0;
    return end > 0;
  }
}
