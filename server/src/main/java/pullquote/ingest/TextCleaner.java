package pullquote.ingest;

import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Where texts and names are made readable, once, at ingest: stray formatting markup that exports
 * carry ({@code <i>}, {@code <b>}, {@code <br>}, a link's tags) removed, HTML entities ({@code
 * &#44;}, {@code &apos;}, {@code &eacute;}) decoded by jsoup's HTML5 table, and runs of white space
 * made one space. What the page shows, the index searches and the model reads is then the same
 * text. Anything else that looks like markup ({@code <script>}, {@code <img ...>}, {@code <3}) is
 * left as the source wrote it: the page shows it as text, and nothing is lost.
 */
final class TextCleaner {

  /** What cleaning changed in one value. */
  record Cleaned(String value, boolean unmarked, boolean decoded, boolean controls) {
    Cleaned(String value, boolean unmarked, boolean decoded) {
      this(value, unmarked, decoded, false);
    }

    boolean changed() {
      return unmarked || decoded || controls;
    }
  }

  /**
   * Control characters other than tab and line breaks (which fold to a space): a NUL in a critic's
   * name was indexed and shown as it came.
   */
  private static final Pattern CONTROLS =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  /** Tags that only format text: removed, their content kept. */
  private static final Pattern FORMATTING =
      Pattern.compile(
          "</?(?:i|b|em|strong|u|s|strike|small|big|sup|sub|span|font|cite|q|a|abbr|mark|tt)"
              + "(?:\\s[^<>]{0,200})?/?>",
          Pattern.CASE_INSENSITIVE);

  /** Tags that break a line or a block: a space, so the words on either side stay apart. */
  private static final Pattern BREAKS =
      Pattern.compile("</?(?:br|p|div|hr|wbr)(?:\\s[^<>]{0,200})?/?>", Pattern.CASE_INSENSITIVE);

  /**
   * The bidi embeddings and overrides (U+202A–U+202E): a right-to-left override in a review turned
   * the rest of its line around on the page. Text in a right-to-left script needs none of them (the
   * marks U+200E and U+200F, and the isolates, stay).
   */
  private static final Pattern BIDI_OVERRIDES = Pattern.compile("[\u202A-\u202E]");

  /** White space, the no-break kinds included. */
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

  private TextCleaner() {}

  /**
   * Markup first, then entities: an entity that spells a tag ({@code &lt;i&gt;}) was meant as text,
   * and stays text.
   */
  static Cleaned clean(String value) {
    if (value == null) {
      return new Cleaned(null, false, false);
    }
    String text = value;
    boolean unmarked = false;
    if (text.indexOf('<') >= 0) {
      String plain = FORMATTING.matcher(BREAKS.matcher(text).replaceAll(" ")).replaceAll("");
      unmarked = !plain.equals(text);
      text = plain;
    }
    boolean decoded = false;
    if (text.indexOf('&') >= 0) {
      String unescaped = Parser.unescapeEntities(text, false);
      decoded = !unescaped.equals(text);
      text = unescaped;
    }
    boolean controls = false;
    if (hasBidiOverride(text)) {
      text = BIDI_OVERRIDES.matcher(text).replaceAll("");
      controls = true;
    }
    if (hasControl(text)) {
      text = CONTROLS.matcher(text).replaceAll("");
      controls = true;
    }
    return new Cleaned(foldSpaces(text), unmarked, decoded, controls);
  }

  /**
   * Runs of white space made one space, none at either end; most values need nothing, and are
   * returned as they are without a regular expression's copy (it cost 3.7 s of 6.6 in reading a
   * million reviews).
   */
  private static String foldSpaces(String text) {
    int n = text.length();
    boolean tidy = n == 0 || (!isSpace(text.charAt(0)) && !isSpace(text.charAt(n - 1)));
    for (int i = 0; tidy && i < n; i++) {
      char c = text.charAt(i);
      if (isSpace(c) && (c != ' ' || isSpace(text.charAt(i + 1)))) {
        tidy = false;
      }
    }
    return tidy ? text : SPACES.matcher(text).replaceAll(" ").strip();
  }

  private static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasBidiOverride(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u202A' && c <= '\u202E') {
        return true;
      }
    }
    return false;
  }

  /** What {@link #SPACES} matches. */
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
  }
}
