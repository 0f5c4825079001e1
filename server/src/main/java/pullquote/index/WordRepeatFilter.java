package pullquote.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Lucene's {@code KeywordRepeatFilter} for this chain: each word once marked as a keyword (left
 * unstemmed) and again at the same position for the stemmer. It keeps only the word's characters
 * and offsets between the two, where Lucene's copies every attribute: that copy and its restore
 * were 3% of the samples in a profile of indexing. The offsets are kept because a consumer may move
 * them in place (Lucene's highlighter can, for the values after the first of a multi-valued field),
 * and the stem must come out where the word did; the type and position length, which nothing after
 * the tokenizer changes, are not.
 */
final class WordRepeatFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private char[] word = new char[16];
  private int wordLength = -1;
  private int start;
  private int end;

  WordRepeatFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (wordLength >= 0) {
      term.copyBuffer(word, 0, wordLength);
      offset.setOffset(start, end);
      position.setPositionIncrement(0);
      keyword.setKeyword(false);
      wordLength = -1;
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    wordLength = term.length();
    if (word.length < wordLength) {
      word = new char[Math.max(wordLength, word.length * 2)];
    }
    System.arraycopy(term.buffer(), 0, word, 0, wordLength);
    start = offset.startOffset();
    end = offset.endOffset();
    keyword.setKeyword(true);
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    wordLength = -1;
  }
}
