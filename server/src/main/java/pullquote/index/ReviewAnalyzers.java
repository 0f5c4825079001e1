package pullquote.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one source of analysis, shared by the indexer, the query builder and the highlighter, so a
 * word is cut the same way wherever it is met.
 */
public final class ReviewAnalyzers {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private ReviewAnalyzers() {}

  /** The terms an analyzer cuts a text of the review text field into, in order. */
  public static List<String> tokens(Analyzer analyzer, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(ReviewFields.TEXT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  /** The analyzer for every field of the schema: English text, and names. */
  public static Analyzer create() {
    return perField(new EnglishTextAnalyzer(true));
  }

  /**
   * The same analysis without stems, for exact phrases: the written form of each word is indexed at
   * its own position, so {@code "running man"} matches those words and not "runs, man".
   */
  public static Analyzer forPhrases() {
    return perField(new EnglishTextAnalyzer(false));
  }

  private static Analyzer perField(Analyzer text) {
    Analyzer names = new NameAnalyzer();
    return new PerFieldAnalyzerWrapper(
        text,
        Map.of(
            ReviewFields.CRITIC_WORDS, names,
            ReviewFields.PUBLICATION_WORDS, names,
            ReviewFields.WORK_WORDS, names));
  }

  /**
   * The form in which a name is stored for exact filtering: case, accents and runs of spaces do not
   * matter, so {@code critic=noel murray} finds "Noel Murray".
   */
  public static String exactName(String name) {
    if (isPlain(name)) {
      // Nothing to compose, unmark, fold or space: most names. The general way below was 4% of
      // the samples in a profile of indexing.
      return name.toLowerCase(Locale.ROOT);
    }
    return exactNameInGeneral(name);
  }

  /** {@link #exactName} for any name; package-private so tests can hold the short way to it. */
  static String exactNameInGeneral(String name) {
    String unmarked = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFC)).replaceAll("");
    char[] in = unmarked.toCharArray();
    // Lucene's folding, as the name fields' analysis uses: Ø, Ł, ß and æ fold too.
    char[] out = new char[in.length * 4];
    int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    String folded = new String(out, 0, length);
    return SPACES.matcher(folded.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /** Printable ASCII, words parted by single spaces, none at either end. */
  private static boolean isPlain(String name) {
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      boolean printable = c > ' ' && c < 0x7F;
      boolean innerSpace = c == ' ' && i > 0 && i < n - 1 && name.charAt(i - 1) != ' ';
      if (!printable && !innerSpace) {
        return false;
      }
    }
    return true;
  }

  /**
   * Review text: lower-cased, accents folded ("clichés" is "cliches"), possessives dropped, and
   * each word indexed as written and as its marked Porter stem at the same position: words match by
   * stem ("cliche" finds "clichéd"), while phrases and prefixes, analysed without stems, match only
   * the written forms.
   */
  static final class EnglishTextAnalyzer extends Analyzer {
    private final boolean stems;

    EnglishTextAnalyzer(boolean stems) {
      this.stems = stems;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(source);
      stream = new LowerCaseFilter(stream);
      stream = new ASCIIFoldingFilter(stream);
      if (stems) {
        stream = new WordRepeatFilter(stream);
        stream = new PorterStemFilter(stream);
        stream = new StemMarkerFilter(stream);
      }
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }

  /** Names and titles: words lower-cased and folded, never stemmed. */
  static final class NameAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
