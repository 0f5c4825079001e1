package pullquote.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import pullquote.index.ReviewFields;

/**
 * One word of the search box as the review text is indexed: its written form and its marked stem
 * (null for a word the stemmer leaves out). A typed term may hold several ("cool-looking").
 */
record BoxWord(String written, String stem) {

  BoxWord {
    if (written == null || written.isEmpty()) {
      throw new IllegalArgumentException("a word needs its written form");
    }
  }

  /** The words of a typed term, analysed as the review text is. */
  static List<BoxWord> of(Analyzer analyzer, String text) {
    List<BoxWord> words = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(ReviewFields.TEXT, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute step = tokens.addAttribute(PositionIncrementAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        String value = term.toString();
        boolean stem = value.startsWith(Lexicon.STEM_MARK);
        if (stem && step.getPositionIncrement() == 0 && !words.isEmpty()) {
          BoxWord last = words.removeLast();
          words.add(new BoxWord(last.written(), value));
        } else if (!stem) {
          words.add(new BoxWord(value, null));
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }

  /** The letters a typo may touch, for the length thresholds. */
  int letters() {
    return written.codePointCount(0, written.length());
  }
}
