package pullquote.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Follows {@link WordRepeatFilter} and a stemmer: keeps each written word and marks its stemmed
 * copy with {@link #MARK}, so a stem never matches a written word ("ratchet", the stem of
 * "ratchets", is not the word "ratchet" a phrase asks for). The stem is kept even when it equals
 * the word, since "run" must be found by "running" through its stem.
 */
final class StemMarkerFilter extends TokenFilter {

  /** Prefixes indexed stems; no tokenizer emits it inside a word. */
  static final char MARK = '§';

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  StemMarkerFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (input.incrementToken()) {
      if (keyword.isKeyword()) {
        keyword.setKeyword(false);
        return true;
      }
      // In place: a String per stem was a measurable share of indexing.
      int length = term.length();
      char[] chars = term.resizeBuffer(length + 1);
      System.arraycopy(chars, 0, chars, 1, length);
      chars[0] = MARK;
      term.setLength(length + 1);
      return true;
    }
    return false;
  }
}
