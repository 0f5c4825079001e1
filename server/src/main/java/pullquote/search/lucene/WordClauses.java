package pullquote.search.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
import org.apache.lucene.search.TermQuery;
import pullquote.index.ReviewFields;
import pullquote.search.Expansion;
import pullquote.search.Forgiveness;
import pullquote.search.WordForms;

/**
 * Where one plain word of the search box becomes a query, for one reading of one request, from its
 * forms ({@link WordAlternatives}: as typed and its other spellings; when the reading forgives,
 * names below the text, near-synonyms, and typo neighbours below those), and where a run of plain
 * words becomes proximity clauses.
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

  private static final float PROXIMITY_WEIGHT = 1f;
  private static final float GAP_WEIGHT = 0.5f;

  /**
   * How far the words as typed may stand apart, in all, and still score as a run: a swap costs 2.
   * Measured on the shared corpus, 0 lost 0.009 of misremembered top-1, 1 to 5 were alike.
   */
  private static final int RUN_SLOP = 4;

  /** Neighbours as typed, one word apart, or swapped, all score; the closer the higher. */
  private static final int PAIR_SLOP = 2;

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

  /** Beyond its first words, a query's words repeated or not add no more forms. */
  private static final int MAX_EXPANDED_CLAUSES = 16;

  private final Analyzer analyzer;
  private final Lexicon lexicon;
  private final Reading reading;
  private final WordAlternatives alternatives;
  private int proximityClauses;
  private int expandedClauses;

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
    this.reading = reading;
    this.alternatives = new WordAlternatives(analyzer, lexicon, forgiveness, forms, reading);
  }

  List<BoxWord> words(String text) {
    return BoxWord.of(analyzer, text);
  }

  /** The query one word must match, in this reading. */
  Query clause(BoxWord word) {
    WordAlternatives.Alternatives alt = alternatives.of(word);
    if (!reading.tiered()) {
      return alt.exact();
    }
    List<Query> same = new ArrayList<>(List.of(alt.exact()));
    List<Query> typos = List.of();
    // A word typed again adds its forms again: the query's first words only, so it stays bounded.
    if (alt.expanded() && expandedClauses++ < MAX_EXPANDED_CLAUSES) {
      same.addAll(alt.sameWord());
      typos = alt.typos();
    }
    Query exact = anyOf(same);
    Query any =
        typos.isEmpty() ? exact : anyOf(Stream.concat(same.stream(), typos.stream()).toList());
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
  private static Query writtenAsTyped(WordAlternatives.Alternatives alt) {
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
    List<List<Term>> positions = words.stream().map(w -> alternatives.of(w).phraseTerms()).toList();
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
        .mapToLong(w -> lexicon.docFreq(ReviewFields.TEXT, WordAlternatives.phraseTerm(w).text()))
        .min()
        .orElse(0);
  }

  /**
   * A phrase of the positions' terms; a plain phrase query when each position has one term (the
   * words as typed, by stem), which needs no union of postings at a position.
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
    return alternatives.matchesNothing(word);
  }

  /** What other forms the words matched, for the API. */
  List<Expansion> expansions() {
    return alternatives.expansions();
  }
}
