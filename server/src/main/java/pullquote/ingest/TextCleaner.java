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
  record Cleaned(String value, boolean unmarked, boolean decoded) {
    boolean changed() {
      return unmarked || decoded;
    }
  }

  /** Tags that only format text: removed, their content kept. */
  private static final Pattern FORMATTING =
      Pattern.compile(
          "</?(?:i|b|em|strong|u|s|strike|small|big|sup|sub|span|font|cite|q|a|abbr|mark|tt)"
              + "(?:\\s[^<>]{0,200})?/?>",
          Pattern.CASE_INSENSITIVE);

  /** Tags that break a line or a block: a space, so the words on either side stay apart. */
  private static final Pattern BREAKS =
      Pattern.compile("</?(?:br|p|div|hr|wbr)(?:\\s[^<>]{0,200})?/?>", Pattern.CASE_INSENSITIVE);

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
    return new Cleaned(SPACES.matcher(text).replaceAll(" ").strip(), unmarked, decoded);
  }
}
