package pullquote.search.solr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.solr.client.solrj.util.ClientUtils;
import pullquote.index.ReviewFields;
import pullquote.search.Expansion;
import pullquote.search.WordForms;

/**
 * A plain word of the search box as one reading of it matches, in Solr's query syntax: as typed (in
 * the text, with its other spellings), and when the words as typed found few reviews, in names and
 * near-synonyms (as the word) and typo neighbours (below it), with the local index's weights
 * ({@code WordAlternatives}); and what the API tells of those forms.
 */
final class SolrWordClauses {

  private static final String NAME_WEIGHT = "0.1";
  private static final String SPELLING_WEIGHT = "0.8";
  private static final String SYNONYM_WEIGHT = "0.7";
  private static final String TYPO_WEIGHT = "0.5";
  private static final String TWO_EDITS_WEIGHT = "0.5";

  /**
   * One word's clauses.
   *
   * @param any what a review must have: the word in any form the reading tries
   * @param exact the same without typo neighbours: what counts as the word typed
   * @param text the forms in the review text alone, for the highlighter
   * @param written the word or a form that counts as it, written as typed (not inflected)
   * @param inexact whether {@code any} has typo neighbours that {@code exact} lacks
   * @param others the other words that stand in this one's place in a run of words: its spellings,
   *     near-synonyms and typo neighbours that the reading tries
   */
  record Clause(
      String any,
      String exact,
      String text,
      String written,
      boolean inexact,
      List<String> others) {}

  /** The words as typed, with their other spellings: the first reading of every search. */
  static SolrWordClauses asTyped(WordForms forms) {
    return new SolrWordClauses(forms, null, false, false);
  }

  private final WordForms forms;
  private final SolrLexicon lexicon;
  private final boolean synonyms;
  private final boolean typos;
  private final Map<String, Expansion> expansions = new LinkedHashMap<>();

  /**
   * @param lexicon what the collection has of the words, or null to try the spellings blind (a term
   *     the index lacks costs Solr nothing) and nothing else
   * @param synonyms whether names and near-synonyms count as the word
   * @param typos whether typo neighbours match too, below the word
   */
  SolrWordClauses(WordForms forms, SolrLexicon lexicon, boolean synonyms, boolean typos) {
    this.forms = forms;
    this.lexicon = lexicon;
    this.synonyms = synonyms;
    this.typos = typos;
  }

  Clause of(String word) {
    SolrLexicon.Word known = lexicon == null ? null : lexicon.of(word);
    List<String> spellings =
        known != null
            ? known.forms(WordForms.Kind.SPELLING)
            : forms.of(word).stream()
                .filter(f -> f.kind() == WordForms.Kind.SPELLING)
                .map(WordForms.Form::word)
                .toList();
    List<String> same = new ArrayList<>(spellings);
    List<String> text = new ArrayList<>(List.of(term(ReviewFields.TEXT, word)));
    spellings.forEach(s -> text.add(term(ReviewFields.TEXT, s) + "^" + SPELLING_WEIGHT));
    List<String> exact = new ArrayList<>(text);
    expand(word, "spelling", known == null ? List.of() : spellings);
    if (known != null && synonyms) {
      for (String field : known.names()) {
        exact.add(term(field, word) + "^" + NAME_WEIGHT);
      }
      List<String> near = known.forms(WordForms.Kind.SYNONYM);
      for (String synonym : near) {
        String clause = term(ReviewFields.TEXT, synonym) + "^" + SYNONYM_WEIGHT;
        text.add(clause);
        exact.add(clause);
      }
      same.addAll(near);
      expand(word, "synonym", near);
    }
    List<String> any = new ArrayList<>(exact);
    List<String> others = new ArrayList<>(same);
    if (known != null && typos && !known.near().isEmpty()) {
      String neighbours = neighbours(word, known.near());
      any.add(neighbours);
      text.add(neighbours);
      known.near().forEach(n -> others.add(n.word()));
    }
    List<String> written = new ArrayList<>(List.of(term("text_exact", word)));
    same.forEach(s -> written.add(term("text_exact", s)));
    return new Clause(
        anyOf(any),
        anyOf(exact),
        anyOf(text),
        anyOf(written),
        any.size() > exact.size(),
        List.copyOf(others));
  }

  /**
   * Whether nothing in the collection matches the word in any form this reading tries, or null for
   * a word not looked up (past the first {@link SolrLexicon#MAX_WORDS}).
   */
  Boolean matchesNothing(String word) {
    SolrLexicon.Word known = lexicon == null ? null : lexicon.of(word);
    if (known == null) {
      return null;
    }
    boolean matches =
        known.inText() > 0
            || !known.forms(WordForms.Kind.SPELLING).isEmpty()
            || (synonyms
                && (!known.names().isEmpty() || !known.forms(WordForms.Kind.SYNONYM).isEmpty()))
            || (typos && !known.near().isEmpty());
    return !matches;
  }

  /** The word's typo neighbours, one edit away above two, together below the word. */
  private String neighbours(String word, List<SolrLexicon.Near> near) {
    StringJoiner neighbours = new StringJoiner(" ", "(", ")^" + TYPO_WEIGHT);
    for (SolrLexicon.Near n : near) {
      neighbours.add(
          term(ReviewFields.TEXT, n.word()) + (n.edits() == 1 ? "" : "^" + TWO_EDITS_WEIGHT));
    }
    expand(word, "typo", near.stream().map(SolrLexicon.Near::word).toList());
    return neighbours.toString();
  }

  /** What other forms the words matched, for the API. */
  List<Expansion> expansions() {
    return List.copyOf(expansions.values());
  }

  private void expand(String word, String kind, List<String> found) {
    if (!found.isEmpty()) {
      expansions.putIfAbsent(word + ' ' + kind, new Expansion(word, kind, found));
    }
  }

  private static String anyOf(List<String> clauses) {
    return clauses.size() == 1 ? clauses.getFirst() : "(" + String.join(" OR ", clauses) + ")";
  }

  private static String term(String field, String word) {
    return field + ":" + ClientUtils.escapeQueryChars(word);
  }
}
