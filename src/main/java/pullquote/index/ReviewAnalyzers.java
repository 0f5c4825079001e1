package pullquote.index;

import java.text.Normalizer;
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
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one source of analysis, shared by the indexer, the query builder and the highlighter, so a
 * word is cut the same way wherever it is met.
 */
public final class ReviewAnalyzers {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private ReviewAnalyzers() {}

  /** The analyzer for every field of the schema: English text, and names. */
  public static Analyzer create() {
    Analyzer names = new NameAnalyzer();
    return new PerFieldAnalyzerWrapper(
        new EnglishTextAnalyzer(),
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
    String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    return SPACES.matcher(folded.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /**
   * Review text: lower-cased, accents folded ("clichés" is "cliches"), possessives dropped, and
   * each word indexed both as written and as its Porter stem at the same position, so phrases and
   * prefixes work on the written form while "cliche" still finds "clichéd".
   */
  static final class EnglishTextAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(source);
      stream = new LowerCaseFilter(stream);
      stream = new ASCIIFoldingFilter(stream);
      stream = new KeywordRepeatFilter(stream);
      stream = new PorterStemFilter(stream);
      stream = new RemoveDuplicatesTokenFilter(stream);
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
