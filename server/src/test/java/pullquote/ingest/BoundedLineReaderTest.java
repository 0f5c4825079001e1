package pullquote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

  @Property(tries = 2000)
  void linesSplitAsBufferedReaderSplitsThem(@ForAll("text") String text) throws IOException {
    List<String> expected = new ArrayList<>();
    BufferedReader reference = new BufferedReader(new StringReader(text));
    for (String line = reference.readLine(); line != null; line = reference.readLine()) {
      expected.add(line);
    }
    // a tiny read size puts line breaks, and \r\n pairs, across buffer refills
    BoundedLineReader lines = new BoundedLineReader(new OneCharAtATime(text), 1 << 20);
    List<String> actual = new ArrayList<>();
    for (String line = lines.next(); line != null; line = lines.next()) {
      actual.add(line);
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(lines.consumed()).isEqualTo(text.length());
  }

  @Test
  void aLineOverTheLimitComesBackAsTooLongAndTheNextLineIsIntact() throws IOException {
    BoundedLineReader lines =
        new BoundedLineReader(new StringReader("short\n" + "x".repeat(100) + "\nafter\n"), 10);
    assertThat(lines.next()).isEqualTo("short");
    assertThat(lines.next()).isSameAs(BoundedLineReader.TOO_LONG);
    assertThat(lines.next()).isEqualTo("after");
    assertThat(lines.next()).isNull();
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings().withChars("ab\r\n {}").ofMaxLength(40);
  }

  /** Hands out one character per read, the worst case for a reader's buffer edges. */
  private static final class OneCharAtATime extends Reader {
    private final String text;
    private int at;

    OneCharAtATime(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (at == text.length()) {
        return -1;
      }
      buffer[offset] = text.charAt(at++);
      return 1;
    }

    @Override
    public void close() {}
  }
}
