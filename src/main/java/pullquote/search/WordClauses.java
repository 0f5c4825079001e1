package pullquote.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import pullquote.index.ReviewFields;

/**
 * Where one plain word of the search box becomes a query, for one reading of one request: the word
 * in the text (written or by stem) and its other spellings; when the reading forgives, in critic,
 * publication and work names below the text, its near-synonyms, and its typo neighbours below
 * those; and where a run of plain words becomes proximity clauses.
 *
 * <p>A forgiving reading ranks in tiers, as Meilisearch's ranking rules do: when relaxed, each
 * matched word adds {@link #MATCH_TIER}; each word matched as typed (not by a typo) {@link
 * #EXACT_TIER}; each written as typed (not inflected) {@link #WRITTEN_TIER}; and relevance (BM25
 * and proximity, far below) orders reviews within a tier. So a review with more of the words always
 * ranks first, and among those an exact match always outranks a fuzzy one.
 */
final class WordClauses {

  static final float MATCH_TIER = 10_000f;
  static final float EXACT_TIER = 1_000f;
  static final float WRITTEN_TIER = 200f;

  /** Names count below the text: a surname typed with a quote helps, a text mention wins. */
  static final float NAME_WEIGHT = 0.1f;

  private static final float SPELLING_WEIGHT = 0.8f;
  private static final float SYNONYM_WEIGHT = 0.7f;
  private static final float TYPO_WEIGHT = 0.5f;
  private static final float PROXIMITY_WEIGHT = 1f;
  private static final float GAP_WEIGHT = 0.5f;

  /**
   * How far the words as typed may stand apart, in all, and still score as a run: a swap costs 2.
   * Measured on the shared corpus, 0 lost 0.009 of misremembered top-1, 1 to 5 were alike.
   */
  private static final int RUN_SLOP = 4;

  /** Neighbours as typed, one word apart, or swapped, all score; the closer the higher. */
  private static final int PAIR_SLOP = 2;

  /** Bounds on the work one query may ask for, whatever is typed. */
  private static final int MAX_NAMED_WORDS = 32;

  private static final int MAX_EXPANDED_WORDS = 16;
  static final int MAX_PROXIMITY = 32;

  /**
   * Words as typed are scored for proximity only when their rarest word is in at most this many
   * reviews: past it, reading every hit's positions was most of a search's time (two or three
   * common words ANDed on 1M reviews: p99 8.2 ms with it, 2.5 without), while words that common
   * tell little about which review a reader means.
   */
  static final long MAX_PROXIMITY_HITS = 5_000;

  /** The whole-run phrase covers a run's first words only. */
  static final int RUN_WORDS = 8;

  private static final int PHRASE_FORMS = 8;

  private static final List<String> NAME_FIELDS =
      List.of(ReviewFields.CRITIC_WORDS, ReviewFields.PUBLICATION_WORDS, ReviewFields.WORK_WORDS);

  /**
   * A word's forms: as typed (with names); other spellings and near-synonyms, which count as the
   * word itself; and typo neighbours, which count below it.
   */
  private record Alternatives(
      Query exact,
      List<Query> sameWord,
      List<Query> typos,
      List<Term> phraseTerms,
      List<Term> written) {

    boolean expanded() {
      return !sameWord.isEmpty() || !typos.isEmpty();
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
  private int proximityClauses;
  private int expandedClauses;
  private int expanded;

  /**
   * @param lexicon the generation's words, or null to read words as typed in the text alone
   */
  WordClauses(
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

  List<BoxWord> words(String text) {
    return BoxWord.of(analyzer, text);
  }

  /** The query one word must match, in this reading. */
  Query clause(BoxWord word) {
    Alternatives alt = alternatives(word);
    if (!reading.tiered()) {
      return alt.exact();
    }
    List<Query> same = new ArrayList<>(List.of(alt.exact()));
    List<Query> all = new ArrayList<>(same);
    // A word typed again adds its forms again: the query's first words only, so it stays bounded.
    if (alt.expanded() && expandedClauses++ < MAX_EXPANDED_WORDS) {
      same.addAll(alt.sameWord());
      all = new ArrayList<>(same);
      all.addAll(alt.typos());
    }
    Query exact = anyOf(same);
    Query any = anyOf(all);
    BooleanQuery.Builder tiers = new BooleanQuery.Builder();
    if (reading.relaxed()) {
      // Words a hit may lack: each it has counts first.
      tiers.add(new BoostQuery(new ConstantScoreQuery(any), MATCH_TIER), Occur.MUST);
      tiers.add(any, Occur.SHOULD);
    } else {
      tiers.add(any, Occur.MUST); // every hit has every word: no count to rank by
    }
    if (reading.typos() || reading.relaxed()) {
      // Only a typo neighbour makes a match inexact: without them every hit is exact.
      tiers.add(new BoostQuery(new ConstantScoreQuery(exact), EXACT_TIER), Occur.SHOULD);
    }
    if (reading.relaxed()) {
      // Among reviews with as many of the words, one with them as written: "its wants of faults"
      // means "its ... faults" more than "it ... wanted". With every word required, inflections
      // are as good as the word, as the words as typed read them.
      tiers.add(
          new BoostQuery(new ConstantScoreQuery(writtenAsTyped(alt)), WRITTEN_TIER), Occur.SHOULD);
    }
    return tiers.build();
  }

  /** The word, or one of the forms that count as it, written as typed rather than inflected. */
  private static Query writtenAsTyped(Alternatives alt) {
    if (alt.written().size() == 1) {
      return new TermQuery(alt.written().getFirst());
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    alt.written().forEach(t -> any.add(new TermQuery(t), Occur.SHOULD));
    return any.build();
  }

  private static Query anyOf(List<Query> queries) {
    return queries.size() == 1 ? queries.getFirst() : new DisjunctionMaxQuery(queries, 0f);
  }

  /**
   * Scores a run of plain words by how close together, and in what order, they stand. When every
   * word is required, the whole run as one sloppy phrase; when a reading is relaxed, as Solr's
   * edismax does with {@code pf2}, {@code pf3} and {@code pf}: each two neighbours (within {@link
   * #PAIR_SLOP}, so swapped neighbours score too), each two words one apart (so a word forgotten
   * and another put in between still scores), and the whole run. Past the query's first {@link
   * #MAX_PROXIMITY} clauses, nothing more.
   */
  List<Query> proximity(List<BoxWord> run) {
    List<Query> clauses = new ArrayList<>();
    if (!reading.relaxed()) {
      // All words required: every hit holds every word, so the whole run, sloppy, tells
      // close from scattered on its own; one clause where pairs would read each word's positions
      // two or three times (the `and` class's p99 on 1M reviews doubled with them).
      if (run.size() >= 2 && rarestIn(run) <= MAX_PROXIMITY_HITS) {
        addProximity(
            clauses,
            run.subList(0, Math.min(run.size(), RUN_WORDS)),
            1,
            RUN_SLOP,
            PROXIMITY_WEIGHT);
      }
      return clauses;
    }
    for (int i = 0; i + 1 < run.size(); i++) {
      addProximity(clauses, run.subList(i, i + 2), 1, PAIR_SLOP, PROXIMITY_WEIGHT);
    }
    for (int i = 0; i + 2 < run.size(); i++) {
      addProximity(clauses, List.of(run.get(i), run.get(i + 2)), 2, 1, GAP_WEIGHT);
    }
    if (run.size() >= 3) {
      addProximity(
          clauses, run.subList(0, Math.min(run.size(), RUN_WORDS)), 1, 1, PROXIMITY_WEIGHT);
    }
    return clauses;
  }

  /** Adds a phrase of the words, {@code step} positions apart, unless the budget is spent. */
  private void addProximity(
      List<Query> clauses, List<BoxWord> words, int step, int slop, float weight) {
    if (proximityClauses++ >= MAX_PROXIMITY) {
      return;
    }
    List<List<Term>> positions = words.stream().map(w -> alternatives(w).phraseTerms()).toList();
    clauses.add(new BoostQuery(phrase(positions, step, slop), weight));
  }

  /**
   * How many reviews the run's rarest word is in (by stem): at most as many as hold the whole run,
   * so a bound on the positions a proximity clause would read. Without an index at hand, none.
   */
  private long rarestIn(List<BoxWord> run) {
    if (lexicon == null) {
      return 0;
    }
    return run.stream()
        .mapToLong(w -> lexicon.docFreq(ReviewFields.TEXT, phraseTerm(w).text()))
        .min()
        .orElse(0);
  }

  /**
   * A phrase of the positions' terms; a plain phrase query when each position has one term (the
   * words as typed, by stem), which Lucene can skip in by its terms' impacts.
   */
  private static Query phrase(List<List<Term>> positions, int step, int slop) {
    if (positions.stream().allMatch(terms -> terms.size() == 1)) {
      PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(slop);
      for (int i = 0; i < positions.size(); i++) {
        phrase.add(positions.get(i).getFirst(), i * step);
      }
      return phrase.build();
    }
    MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder().setSlop(slop);
    for (int i = 0; i < positions.size(); i++) {
      phrase.add(positions.get(i).toArray(Term[]::new), i * step);
    }
    return phrase.build();
  }

  /** True when nothing in the index matches the word in any form this reading tries. */
  boolean matchesNothing(BoxWord word) {
    return lexicon != null && !alternatives(word).expanded() && !inIndex(word);
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
    return NAME_FIELDS.stream().anyMatch(f -> lexicon.docFreq(f, word.written()) > 0);
  }

  private Alternatives alternatives(BoxWord word) {
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
    for (String field : reading.synonyms() ? NAME_FIELDS : List.<String>of()) {
      if (lexicon.docFreq(field, word.written()) > 0) {
        any.add(new BoostQuery(new TermQuery(new Term(field, word.written())), NAME_WEIGHT));
      }
    }
    any.addAll(otherForms(word, WordForms.Kind.SPELLING, phraseTerms, written));
    if (any.size() == 1) {
      return text;
    }
    // A disjunction rather than the best of them: Lucene skips what cannot reach the page in a
    // disjunction (MaxScore), which a one-word search relies on; a review whose text and names
    // both hold the word adds both.
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    any.forEach(q -> either.add(q, Occur.SHOULD));
    return either.build();
  }

  private static Query text(BoxWord word) {
    if (word.stem() == null) {
      return new TermQuery(new Term(ReviewFields.TEXT, word.written()));
    }
    // The shape Lucene's QueryBuilder gives a word and its stem at one position.
    return new SynonymQuery.Builder(ReviewFields.TEXT)
        .addTerm(new Term(ReviewFields.TEXT, word.written()))
        .addTerm(new Term(ReviewFields.TEXT, word.stem()))
        .build();
  }

  private static Term phraseTerm(BoxWord word) {
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
      for (BoxWord other : words(form.word())) {
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
    List<Lexicon.Near> near =
        lexicon.near(word.written(), edits, forgiveness.maxExpansions()).stream()
            .filter(n -> !isOtherForm(word, n.word()))
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
      for (BoxWord form : words(n.word())) {
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

  /** An other spelling is often a typo away too; it is offered as the spelling. */
  private boolean isOtherForm(BoxWord word, String near) {
    return forms.of(word.written()).stream().anyMatch(f -> f.word().equals(near));
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
