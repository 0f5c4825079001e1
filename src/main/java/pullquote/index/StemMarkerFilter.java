package pullquote.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Follows {@code KeywordRepeatFilter} and a stemmer: keeps each written word, drops its stemmed
 * copy when the stem is the word itself, and marks a differing stem with {@link #MARK}, so a stem
 * can never match a written word ("ratchet" the stem of "ratchets" is not the word "ratchet").
 */
final class StemMarkerFilter extends TokenFilter {

  /** Prefixes indexed stems; no tokenizer emits it inside a word. */
  static final char MARK = '§';

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final StringBuilder written = new StringBuilder();

  StemMarkerFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (input.incrementToken()) {
      if (keyword.isKeyword()) {
        written.setLength(0);
        written.append(term);
        keyword.setKeyword(false);
        return true;
      }
      if (!written.toString().contentEquals(term)) {
        String stem = term.toString();
        term.setEmpty().append(MARK).append(stem);
        return true;
      }
    }
    return false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    written.setLength(0);
  }
}
