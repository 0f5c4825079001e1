package pullquote.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import pullquote.index.ReviewFields;
import pullquote.search.Edits;

/**
 * The words of one index generation, as the forgiving search box asks about them: which exist,
 * which written words lie a typo or two away, and the likeliest correction of an unknown word. One
 * lexicon serves one request, on one thread: what it looks up is kept, since each reading of the
 * request (as typed, forgiving, each relaxed level) asks again.
 */
final class Lexicon {

  /** Stems are indexed with this mark; they are never offered as words. */
  static final String STEM_MARK = "§";

  /** How many candidates a fuzzy walk of the terms may look at before it stops. */
  private static final int MAX_CANDIDATES = 4_096;

  /** A written word of the index near a typed one. */
  record Near(String word, int edits, int docFreq) {}

  private record Key(String word, int maxEdits, int max) {}

  private final IndexReader reader;
  private final Map<Term, Integer> docFreqs = new HashMap<>();
  private final Map<Key, List<Near>> nears = new HashMap<>();

  Lexicon(IndexReader reader) {
    this.reader = reader;
  }

  int docFreq(String field, String term) {
    return docFreqs.computeIfAbsent(new Term(field, term), this::lookUp);
  }

  private int lookUp(Term term) {
    try {
      return reader.docFreq(term);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Written words of the review text within {@code maxEdits} of the word (a transposition is one
   * edit), nearest first and then the most frequent, at most {@code max}; never the word itself.
   */
  List<Near> near(String word, int maxEdits, int max) {
    if (maxEdits <= 0 || max <= 0) {
      return List.of();
    }
    return nears.computeIfAbsent(new Key(word, maxEdits, max), k -> walk(word, maxEdits, max));
  }

  private List<Near> walk(String word, int maxEdits, int max) {
    try {
      Terms terms = MultiTerms.getTerms(reader, ReviewFields.TEXT);
      if (terms == null) {
        return List.of();
      }
      List<Near> found = new ArrayList<>();
      FuzzyTermsEnum walk =
          new FuzzyTermsEnum(terms, new Term(ReviewFields.TEXT, word), maxEdits, 0, true);
      int seen = 0;
      for (BytesRef term = walk.next(); term != null && seen < MAX_CANDIDATES; term = walk.next()) {
        seen++;
        String candidate = term.utf8ToString();
        if (!candidate.startsWith(STEM_MARK) && !candidate.equals(word)) {
          found.add(new Near(candidate, Edits.between(word, candidate), walk.docFreq()));
        }
      }
      found.sort(
          Comparator.comparingInt(Near::edits)
              .thenComparing(Comparator.comparingInt(Near::docFreq).reversed())
              .thenComparing(Near::word));
      return List.copyOf(found.subList(0, Math.min(max, found.size())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The likeliest word the reader meant by one the index lacks (Lucene's spell checker). */
  Optional<String> correction(String word) {
    try {
      DirectSpellChecker checker = new DirectSpellChecker();
      SuggestWord[] suggestions =
          checker.suggestSimilar(
              new Term(ReviewFields.TEXT, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      return suggestions.length == 0 || suggestions[0].string.startsWith(STEM_MARK)
          ? Optional.empty()
          : Optional.of(suggestions[0].string);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
