package pullquote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Texts and names as exports give them, made readable once at ingest. */
class TextCleanerTest {

  private static String clean(String value) {
    return TextCleaner.clean(value).value();
  }

  @Test
  void numericNamedAndApostropheEntitiesAreDecoded() {
    TextCleaner.Cleaned hitch =
        TextCleaner.clean("What else can be said about Hitch&apos;s masterpiece&#63;");
    assertThat(hitch.value()).isEqualTo("What else can be said about Hitch's masterpiece?");
    assertThat(hitch.decoded()).isTrue();
    assertThat(hitch.unmarked()).isFalse();
    assertThat(clean("Pixar once again builds a swift&#44; funny&#44; and engaging story"))
        .isEqualTo("Pixar once again builds a swift, funny, and engaging story");
    assertThat(clean("a caf&eacute; scene, didn&#x2019;t land &amp; fell flat"))
        .isEqualTo("a café scene, didn\u2019t land & fell flat");
  }

  @Test
  void formattingTagsGoAndTheirWordsStay() {
    TextCleaner.Cleaned marked =
        TextCleaner.clean(
            "a <i>tour de force</i>, <b class=\"x\">really</b> <A HREF='/r'>read</a>");
    assertThat(marked.value()).isEqualTo("a tour de force, really read");
    assertThat(marked.unmarked()).isTrue();
    assertThat(marked.decoded()).isFalse();
    // a break keeps the words on either side apart
    assertThat(clean("first line<br/>second<p>third</p>")).isEqualTo("first line second third");
  }

  @Test
  void otherMarkupAndAngleBracketsStayAsWritten() {
    String hostile = "<script>window.pwned=1</script> <img src=x onerror=\"y()\"> I <3 it, 2 < 3";
    TextCleaner.Cleaned kept = TextCleaner.clean(hostile);
    assertThat(kept.value()).isEqualTo(hostile);
    assertThat(kept.changed()).isFalse();
  }

  @Test
  void anEntityThatSpellsATagStaysText() {
    assertThat(clean("the &lt;i&gt;quoted&lt;/i&gt; tag")).isEqualTo("the <i>quoted</i> tag");
  }

  @Test
  void bidiOverridesAreRemovedAndMarksKept() {
    TextCleaner.Cleaned cleaned = TextCleaner.clean("gnidaer \u202Ebackwards\u202C and \u200Fon");
    assertThat(cleaned.value()).isEqualTo("gnidaer backwards and \u200Fon");
  }

  @Test
  void controlCharactersGoAndTabsAndLineBreaksFoldToSpaces() {
    TextCleaner.Cleaned cleaned = TextCleaner.clean("Ann\u0000 Lee\u0007\tand\nmore\u007F");
    assertThat(cleaned.value()).isEqualTo("Ann Lee and more");
    assertThat(cleaned.controls()).isTrue();
    assertThat(TextCleaner.clean("plain\ttext").controls()).isFalse();
  }

  @Test
  void whiteSpaceRunsBecomeOneSpace() {
    assertThat(clean("  two\u00a0 spaces\n\tand a tab ")).isEqualTo("two spaces and a tab");
    assertThat(clean("<i> </i>")).isEmpty();
  }

  @Property
  void textWithoutMarkupOrEntitiesOnlyHasItsSpacesFolded(
      @ForAll @StringLength(max = 40) @CharRange(from = 'a', to = 'z') @Chars({' ', '\n', '.'})
          String text) {
    TextCleaner.Cleaned cleaned = TextCleaner.clean(text);
    assertThat(cleaned.value()).isEqualTo(text.replaceAll("\\s+", " ").strip());
    assertThat(cleaned.changed()).isFalse();
  }
}
