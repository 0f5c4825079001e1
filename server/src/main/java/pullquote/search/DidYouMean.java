package pullquote.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import pullquote.index.ReviewFields;

/**
 * The query as the reader likely meant it: each word the index does not have replaced, where it was
 * typed, by the likeliest indexed word; everything else (syntax, case, other words) kept. Each
 * backend says what the likeliest word is; where it goes in the query is decided here.
 */
public final class DidYouMean {

  private final Analyzer words;

  /**
   * @param words an analyzer that cuts and folds words as the index does, without stems
   */
  public DidYouMean(Analyzer words) {
    this.words = words;
  }

  /**
   * @param unknown words (as the index spells them) that nothing in the index matches
   * @param correction the likeliest word of the index meant by an unknown one, if any
   * @return the corrected query, or null when no unknown word has a likely correction
   */
  public String of(String q, List<String> unknown, Function<String, Optional<String>> correction) {
    if (unknown.isEmpty()) {
      return null;
    }
    Map<String, String> fixes = new LinkedHashMap<>();
    for (String word : unknown) {
      correction.apply(word).ifPresent(fix -> fixes.put(word, fix));
    }
    if (fixes.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int copied = 0;
    try (TokenStream tokens = words.tokenStream(ReviewFields.TEXT, q)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offsets = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        String fix = fixes.get(term.toString());
        if (fix != null && offsets.startOffset() >= copied) {
          out.append(q, copied, offsets.startOffset()).append(fix);
          copied = offsets.endOffset();
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.append(q, copied, q.length());
    String corrected = out.toString();
    return corrected.equals(q) ? null : corrected;
  }
}
