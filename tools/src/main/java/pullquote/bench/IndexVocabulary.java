package pullquote.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;

/**
 * The written words of the index's review text, grouped by stem: where inflections and common words
 * are drawn from. Stems come from the index's own analysis, which indexes each word as written and
 * as its Porter stem prefixed with {@link #STEM_MARK}.
 */
final class IndexVocabulary {

  /** How the text field marks a stem; written words never start with it. */
  static final char STEM_MARK = '§';

  /**
   * A form seen in one review only may be a typo in the corpus, not an inflection a reader knows.
   */
  private static final int MIN_INFLECTION_REVIEWS = 2;

  private final Analyzer analyzer;
  private final Map<String, String> stems;
  private final Map<String, List<String>> formsByStem;
  private final List<String> common;

  private IndexVocabulary(
      Analyzer analyzer,
      Map<String, String> stems,
      Map<String, List<String>> formsByStem,
      List<String> common) {
    this.analyzer = analyzer;
    this.stems = stems;
    this.formsByStem = formsByStem;
    this.common = List.copyOf(common);
  }

  /**
   * Reads the text field's terms.
   *
   * @param commonWords how many of the most frequent words to keep for substitution
   */
  static IndexVocabulary read(IndexReader reader, int commonWords) throws IOException {
    Analyzer analyzer = ReviewAnalyzers.create();
    Map<String, String> stems = new HashMap<>();
    Map<String, List<String>> formsByStem = new HashMap<>();
    List<Counted> counted = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, ReviewFields.TEXT);
    TermsEnum each = terms == null ? TermsEnum.EMPTY : terms.iterator();
    for (BytesRef term = each.next(); term != null; term = each.next()) {
      String word = term.utf8ToString();
      if (word.charAt(0) == STEM_MARK || !QuoteWords.isPlain(word, 1)) {
        continue;
      }
      String stem = stem(analyzer, word);
      stems.put(word, stem);
      if (each.docFreq() >= MIN_INFLECTION_REVIEWS) {
        formsByStem.computeIfAbsent(stem, s -> new ArrayList<>()).add(word);
      }
      if (word.length() >= 3 && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
        counted.add(new Counted(word, each.docFreq()));
      }
    }
    counted.sort(Comparator.comparingInt(Counted::reviews).reversed());
    List<String> common = counted.stream().limit(commonWords).map(Counted::word).sorted().toList();
    return new IndexVocabulary(analyzer, stems, formsByStem, common);
  }

  private record Counted(String word, int reviews) {}

  /** Other written forms of the word's stem that the index holds, in term order. */
  List<String> inflections(String word) {
    return formsByStem.getOrDefault(stem(word), List.of()).stream()
        .filter(form -> !form.equals(word))
        .toList();
  }

  /**
   * The most frequent words of 3 letters or more, a to z only, no stop words: a reader putting in a
   * word that is not the critic's puts in a word, not "the".
   */
  List<String> common() {
    return common;
  }

  /** The word's stem as the index's analysis cuts it. */
  String stem(String word) {
    String known = stems.get(word);
    return known != null ? known : stem(analyzer, word);
  }

  /** The stems of every word of a text. */
  Set<String> stemsOf(String text) {
    Set<String> found = new HashSet<>();
    for (String token : tokens(analyzer, text)) {
      if (token.charAt(0) == STEM_MARK) {
        found.add(token.substring(1));
      }
    }
    return found;
  }

  private static String stem(Analyzer analyzer, String word) {
    for (String token : tokens(analyzer, word)) {
      if (token.charAt(0) == STEM_MARK) {
        return token.substring(1);
      }
    }
    return word;
  }

  private static List<String> tokens(Analyzer analyzer, String text) {
    return ReviewAnalyzers.tokens(analyzer, text);
  }
}
