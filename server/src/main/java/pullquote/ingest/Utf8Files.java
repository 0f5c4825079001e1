package pullquote.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads input files as UTF-8 with bad bytes turned into U+FFFD instead of an exception, so one bad
 * byte costs only the record that holds it (records with U+FFFD are skipped as invalid UTF-8).
 */
final class Utf8Files {

  private static final int BUFFER = 1 << 16;
  private static final char BOM = '\uFEFF';

  private Utf8Files() {}

  /** Opens the file, past a byte-order mark if it starts with one. */
  static BufferedReader open(Path file) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), lenient()), BUFFER);
    try {
      reader.mark(1);
      if (reader.read() != BOM) {
        reader.reset();
      }
      return reader;
    } catch (IOException e) {
      reader.close();
      throw e;
    }
  }

  /** The whole file, without a leading byte-order mark. */
  static String read(Path file) throws IOException {
    String text = lenient().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
  }

  private static CharsetDecoder lenient() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }
}
