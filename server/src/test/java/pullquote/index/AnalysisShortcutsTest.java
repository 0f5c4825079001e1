package pullquote.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The shortcuts taken for indexing speed give what Lucene's general way gives: {@link
 * WordRepeatFilter} against {@code KeywordRepeatFilter}, and plain names in {@link
 * ReviewAnalyzers#exactName} against the general folding.
 */
class AnalysisShortcutsTest {

  private final Analyzer ours = ReviewAnalyzers.create();

  /** The text chain as it was built with Lucene's repeat filter. */
  private final Analyzer reference =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer source = new StandardTokenizer();
          TokenStream stream = new EnglishPossessiveFilter(source);
          stream = new LowerCaseFilter(stream);
          stream = new ASCIIFoldingFilter(stream);
          stream = new KeywordRepeatFilter(stream);
          stream = new PorterStemFilter(stream);
          stream = new StemMarkerFilter(stream);
          return new TokenStreamComponents(source, stream);
        }
      };

  @Property(tries = 1500)
  void textIsAnalysedAsWithLucenesRepeatFilter(@ForAll("texts") String text) throws IOException {
    assertThat(tokens(ours, text)).isEqualTo(tokens(reference, text));
  }

  @Property(tries = 3000)
  void plainNamesTakeTheShortWayToTheSameExactName(@ForAll("names") String name) {
    assertThat(ReviewAnalyzers.exactName(name)).isEqualTo(ReviewAnalyzers.exactNameInGeneral(name));
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> word =
        Arbitraries.of(
            "Running",
            "runs",
            "the",
            "film's",
            "clichés",
            "ratchets",
            "A",
            "x",
            "3D",
            "it's",
            "éclair",
            "co-op",
            "MOVIES",
            "Ø",
            "",
            "12.5",
            "well-made");
    Arbitrary<String> gap = Arbitraries.of(" ", "  ", ", ", ". ", "\n", " — ", "!");
    return Arbitraries.oneOf(word, gap).list().ofMaxSize(25).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("aZ.' -\t\u00A0éØ\u0301\u001F~").ofMaxLength(12);
  }

  /**
   * Moves every token's offsets in place, as Lucene's highlighter does to the values after the
   * first of a multi-valued field: the word and its stem must still come out at the same offsets.
   */
  private static final class ShiftingConsumer extends TokenFilter {
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

    ShiftingConsumer(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      offset.setOffset(offset.startOffset() + 7, offset.endOffset() + 7);
      return true;
    }
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = new ShiftingConsumer(analyzer.tokenStream(ReviewFields.TEXT, text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            term
                + "@+"
                + increment.getPositionIncrement()
                + "/"
                + length.getPositionLength()
                + " "
                + offset.startOffset()
                + "-"
                + offset.endOffset()
                + " "
                + type.type());
      }
      ts.end();
      out.add("end " + offset.endOffset() + " +" + increment.getPositionIncrement());
    }
    return out;
  }
}
