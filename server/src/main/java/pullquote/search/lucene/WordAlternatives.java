package pullquote.search.lucene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import pullquote.index.ReviewFields;
import pullquote.search.Expansion;
import pullquote.search.Forgiveness;
import pullquote.search.WordForms;

/**
 * A word's other forms for one reading of one request: the word as typed (in the text, by stem, and
 * its other spellings), in names, its near-synonyms and its typo neighbours, each that the index
 * has; and what the API tells of them ({@link #expansions}). Looked up once a word.
 */
final class WordAlternatives {

  /** Names count below the text: a surname typed with a quote helps, a text mention wins. */
  static final float NAME_WEIGHT = 0.1f;

  private static final float SPELLING_WEIGHT = 0.8f;
  private static final float SYNONYM_WEIGHT = 0.7f;
  private static final float TYPO_WEIGHT = 0.5f;

  /** Bounds on the work one query may ask for, whatever is typed. */
  private static final int MAX_NAMED_WORDS = 32;

  private static final int MAX_EXPANDED_WORDS = 16;
  private static final int PHRASE_FORMS = 8;

  /**
   * A word's forms: as typed (with names); other spellings and near-synonyms, which count as the
   * word itself; and typo neighbours, which count below it.
   */
  record Alternatives(
      Query exact,
      List<Query> sameWord,
      List<Query> typos,
      List<Term> phraseTerms,
      List<Term> written) {

    boolean expanded() {
      return !sameWord.isEmpty() || !typos.isEmpty();
    }

    /** True when the word matches in some form beyond the text as typed (a spelling, a name...). */
    boolean hasOtherForms() {
      return expanded() || written.size() > 1;
    }
  }

  private final Analyzer analyzer;
  private final Lexicon lexicon;
  private final Forgiveness forgiveness;
  private final WordForms forms;
  private final Reading reading;
  private final Map<String, Alternatives> known = new HashMap<>();
  private final Map<String, Expansion> expansions = new LinkedHashMap<>();
  private int named;
  private int expanded;

  /**
   * @param lexicon the generation's words, or null to read words as typed in the text alone
   */
  WordAlternatives(
      Analyzer analyzer,
      Lexicon lexicon,
      Forgiveness forgiveness,
      WordForms forms,
      Reading reading) {
    this.analyzer = analyzer;
    this.lexicon = lexicon;
    this.forgiveness = forgiveness;
    this.forms = forms;
    this.reading = reading;
  }

  /** True when nothing in the index matches the word in any form this reading tries. */
  boolean matchesNothing(BoxWord word) {
    return lexicon != null && !of(word).hasOtherForms() && !inIndex(word);
  }

  /** What other forms the words matched, for the API. */
  List<Expansion> expansions() {
    return List.copyOf(expansions.values());
  }

  private boolean inIndex(BoxWord word) {
    if (lexicon.docFreq(ReviewFields.TEXT, word.written()) > 0
        || (word.stem() != null && lexicon.docFreq(ReviewFields.TEXT, word.stem()) > 0)) {
      return true;
    }
    return ReviewFields.NAME_WORDS.stream().anyMatch(f -> lexicon.docFreq(f, word.written()) > 0);
  }

  Alternatives of(BoxWord word) {
    String key = word.written() + ' ' + word.stem();
    Alternatives alt = known.get(key);
    if (alt == null) {
      List<Term> phraseTerms = new ArrayList<>(List.of(phraseTerm(word)));
      List<Term> written = new ArrayList<>(List.of(new Term(ReviewFields.TEXT, word.written())));
      Query exact = exact(word, phraseTerms, written);
      alt = new Alternatives(exact, new ArrayList<>(), new ArrayList<>(), phraseTerms, written);
      if ((reading.synonyms() || reading.typos())
          && lexicon != null
          && expanded++ < MAX_EXPANDED_WORDS) {
        if (reading.synonyms()) {
          alt.sameWord()
              .addAll(otherForms(word, WordForms.Kind.SYNONYM, alt.phraseTerms(), alt.written()));
        }
        if (reading.typos()) {
          addTypos(word, alt);
        }
      }
      known.put(key, alt);
    }
    return alt;
  }

  /**
   * The word as typed: in the text and in its other spellings (colour and color are one word, so
   * they count as typed; they do not balloon a total with near-spellings), and when the reading
   * tries names, in names below the text.
   */
  private Query exact(BoxWord word, List<Term> phraseTerms, List<Term> written) {
    Query text = text(word);
    if (lexicon == null || named++ >= MAX_NAMED_WORDS) {
      return text;
    }
    List<Query> any = new ArrayList<>(List.of(text));
    // Names join when the words as typed find few reviews, as near-synonyms do: a word of every
    // conjunction matched in four fields made two or three words ANDed 2-3 times slower on 1M
    // reviews, and a surname typed with a quote is the reader's case where the text finds none.
    if (reading.synonyms()) {
      for (String field : ReviewFields.NAME_WORDS) {
        if (lexicon.docFreq(field, word.written()) > 0) {
          any.add(new BoostQuery(new TermQuery(new Term(field, word.written())), NAME_WEIGHT));
        }
      }
    }
    any.addAll(otherForms(word, WordForms.Kind.SPELLING, phraseTerms, written));
    if (any.size() == 1) {
      return text;
    }
    // A disjunction rather than the best of them: Lucene skips what cannot reach the page in a
    // disjunction (MaxScore), where a one-word search with a best-of took twice as long at p99.
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    any.forEach(q -> either.add(q, Occur.SHOULD));
    return either.build();
  }

  static Query text(BoxWord word) {
    if (word.stem() == null) {
      return new TermQuery(new Term(ReviewFields.TEXT, word.written()));
    }
    // The shape Lucene's QueryBuilder gives a word and its stem at one position.
    return new SynonymQuery.Builder(ReviewFields.TEXT)
        .addTerm(new Term(ReviewFields.TEXT, word.written()))
        .addTerm(new Term(ReviewFields.TEXT, word.stem()))
        .build();
  }

  static Term phraseTerm(BoxWord word) {
    // Every written word is indexed with its stem at the same position, so the stem alone finds
    // the word and its inflections.
    return new Term(ReviewFields.TEXT, word.stem() != null ? word.stem() : word.written());
  }

  /** The word's other forms of one kind that the index has, weighted below the word. */
  private List<Query> otherForms(
      BoxWord word, WordForms.Kind kind, List<Term> phraseTerms, List<Term> written) {
    List<Query> queries = new ArrayList<>();
    List<String> found = new ArrayList<>();
    float weight = kind == WordForms.Kind.SPELLING ? SPELLING_WEIGHT : SYNONYM_WEIGHT;
    for (WordForms.Form form : forms.of(word.written())) {
      if (form.kind() != kind || lexicon.docFreq(ReviewFields.TEXT, form.word()) == 0) {
        continue;
      }
      for (BoxWord other : BoxWord.of(analyzer, form.word())) {
        queries.add(new BoostQuery(text(other), weight));
        addPhraseTerm(phraseTerms, phraseTerm(other));
        written.add(new Term(ReviewFields.TEXT, other.written()));
      }
      found.add(form.word());
    }
    if (!found.isEmpty()) {
      expansions.put(key(word, kind.key()), new Expansion(word.written(), kind.key(), found));
    }
    return queries;
  }

  private void addTypos(BoxWord word, Alternatives alt) {
    int edits = forgiveness.maxEdits(word.letters());
    // An other spelling is often a typo away too; it is offered as the spelling.
    Set<String> otherForms =
        forms.of(word.written()).stream().map(WordForms.Form::word).collect(Collectors.toSet());
    List<Lexicon.Near> near =
        lexicon.near(word.written(), edits, forgiveness.maxExpansions()).stream()
            .filter(n -> !otherForms.contains(n.word()))
            .toList();
    if (near.isEmpty()) {
      return;
    }
    // Each neighbour as written and by its stem, as the word itself matches: "monste" finds
    // "monsters" through "monster". One edit away is likelier what was meant than two.
    Map<Term, Float> terms = new LinkedHashMap<>();
    List<String> shown = new ArrayList<>();
    for (Lexicon.Near n : near) {
      float boost = n.edits() == 1 ? 1f : 0.5f;
      for (BoxWord form : BoxWord.of(analyzer, n.word())) {
        terms.merge(new Term(ReviewFields.TEXT, form.written()), boost, Math::max);
        if (form.stem() != null) {
          terms.merge(new Term(ReviewFields.TEXT, form.stem()), boost, Math::max);
        }
        addPhraseTerm(alt.phraseTerms(), phraseTerm(form));
      }
      shown.add(n.word());
    }
    SynonymQuery.Builder typos = new SynonymQuery.Builder(ReviewFields.TEXT);
    terms.forEach(typos::addTerm);
    alt.typos().add(new BoostQuery(typos.build(), TYPO_WEIGHT));
    expansions.put(key(word, "typo"), new Expansion(word.written(), "typo", shown));
  }

  private static void addPhraseTerm(List<Term> terms, Term term) {
    if (terms.size() < PHRASE_FORMS && !terms.contains(term)) {
      terms.add(term);
    }
  }

  private static String key(BoxWord word, String kind) {
    return word.written() + ' ' + kind;
  }
}
