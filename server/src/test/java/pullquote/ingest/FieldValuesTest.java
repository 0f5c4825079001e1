package pullquote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FieldValuesTest {

  /** The regular expression the hand-written folding replaced; it stays the reference. */
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

  @Property(tries = 3000)
  void foldingSpacesAgreesWithTheRegularExpression(@ForAll("spaced") String value) {
    assertThat(FieldValues.foldSpaces(value)).isEqualTo(SPACES.matcher(value).replaceAll(" "));
  }

  @Test
  void cleaningFoldsEverySpaceRunAndStripsTheEnds() {
    assertThat(FieldValues.clean("\u00A0 A\t\tfine\u2007\u202Ffilm.\r\n"))
        .isEqualTo("A fine film.");
    assertThat(FieldValues.clean("already clean")).isEqualTo("already clean");
    assertThat(FieldValues.clean(" \u000B\f ")).isNull();
  }

  @Provide
  Arbitrary<String> spaced() {
    return Arbitraries.strings()
        .withChars("ab. \t\n\r\f\u000B\u00A0\u2007\u202F\u2003\u3000\u001F")
        .ofMaxLength(30);
  }
}
