package pullquote.search.solr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import pullquote.index.ReviewFields;
import pullquote.search.Edits;
import pullquote.search.Forgiveness;
import pullquote.search.WordForms;

/**
 * What the collection has of the search box's words, as a forgiving reading asks, all looked up in
 * one request: how many reviews have each word in the text and in each name field, which of its
 * other spellings and near-synonyms the text has (facet queries), and its typo neighbours and
 * likeliest correction (Solr's spell checker on the words as written, {@code solrconfig.xml}).
 */
final class SolrLexicon {

  /** The spell checker of the project's configset. */
  static final String SPELLCHECKER = "typos";

  /** Bounds on the work one query may ask for, as on the local index. */
  static final int MAX_WORDS = 16;

  /** A written word of the collection near a typed one. */
  record Near(String word, int edits, long reviews) {}

  /**
   * One typed word as the collection has it.
   *
   * @param inText reviews with the word (or its stem) in the text
   * @param names the name fields ({@code critic_words}...) with the word
   * @param forms its other spellings and near-synonyms that the text has
   * @param near written words a typo or two away, nearest and most frequent first
   * @param correction the likeliest word meant, when the text lacks this one; else null
   */
  record Word(
      String written,
      long inText,
      List<String> names,
      List<WordForms.Form> forms,
      List<Near> near,
      String correction) {

    List<String> forms(WordForms.Kind kind) {
      return forms.stream().filter(f -> f.kind() == kind).map(WordForms.Form::word).toList();
    }

    /** Nothing has the word as typed: not the text, a name, or another spelling of it. */
    boolean unknown() {
      return inText == 0 && names.isEmpty() && forms(WordForms.Kind.SPELLING).isEmpty();
    }
  }

  private final Map<String, Word> words;
  private final long box;

  private SolrLexicon(Map<String, Word> words, long box) {
    this.words = words;
    this.box = box;
  }

  /** How many reviews the box as typed finds in the whole collection, when asked; else -1. */
  long box() {
    return box;
  }

  /** The word as looked up, or null for one past {@link #MAX_WORDS}. */
  Word of(String written) {
    return words.get(written);
  }

  /**
   * @param written the box's words as the text is cut, written forms, distinct
   * @param box the box's query as typed, to count without the request's filters; or null
   * @param neighbours whether typo neighbours of words the collection has are wanted too (words it
   *     lacks always get theirs, for the correction)
   */
  static SolrLexicon lookUp(
      SolrCollection collection,
      List<String> written,
      String box,
      boolean neighbours,
      Forgiveness forgiveness,
      WordForms forms) {
    List<String> asked = written.subList(0, Math.min(written.size(), MAX_WORDS));
    SolrQuery query = new SolrQuery("*:*");
    query.setRows(0);
    query.setFacet(true);
    if (box != null) {
      query.addFacetQuery("{!key=box}" + box);
    }
    Map<String, List<WordForms.Form>> candidates = new HashMap<>();
    for (int i = 0; i < asked.size(); i++) {
      String word = asked.get(i);
      query.addFacetQuery("{!key=t" + i + "}" + term(ReviewFields.TEXT, word));
      for (String field : ReviewFields.NAME_WORDS) {
        query.addFacetQuery("{!key=n" + i + "_" + field + "}" + term(field, word));
      }
      List<WordForms.Form> listed = forms.of(word);
      candidates.put(word, listed);
      for (int j = 0; j < listed.size(); j++) {
        query.addFacetQuery(
            "{!key=f" + i + "_" + j + "}" + term(ReviewFields.TEXT, listed.get(j).word()));
      }
    }
    int count = Math.max(1, forgiveness.maxExpansions());
    query.set("spellcheck", true);
    query.set("spellcheck.dictionary", SPELLCHECKER);
    query.set("spellcheck.q", String.join(" ", asked));
    query.set("spellcheck.count", count);
    // Walking the terms near a word the collection has is the costly part: only when wanted.
    query.set("spellcheck.alternativeTermCount", neighbours ? count : 0);
    query.set("spellcheck.extendedResults", true);
    QueryResponse response = collection.query(query);
    Map<String, Integer> counted = response.getFacetQuery();
    Map<String, List<SpellCheckResponse.Suggestion>> suggested = suggestions(response);
    Map<String, Word> words = new LinkedHashMap<>();
    for (int i = 0; i < asked.size(); i++) {
      String word = asked.get(i);
      String n = "n" + i + "_";
      List<String> names =
          ReviewFields.NAME_WORDS.stream().filter(f -> counted.getOrDefault(n + f, 0) > 0).toList();
      List<WordForms.Form> listed = candidates.get(word);
      List<WordForms.Form> found = new ArrayList<>();
      for (int j = 0; j < listed.size(); j++) {
        if (counted.getOrDefault("f" + i + "_" + j, 0) > 0) {
          found.add(listed.get(j));
        }
      }
      long inText = counted.getOrDefault("t" + i, 0);
      List<SpellCheckResponse.Suggestion> near = suggested.getOrDefault(word, List.of());
      words.put(
          word,
          new Word(
              word,
              inText,
              names,
              List.copyOf(found),
              near(word, near, listed, forgiveness),
              inText == 0 ? correction(word, near) : null));
    }
    return new SolrLexicon(words, box == null ? -1 : counted.getOrDefault("box", 0));
  }

  private static String term(String field, String word) {
    return field + ":" + ClientUtils.escapeQueryChars(word);
  }

  private static Map<String, List<SpellCheckResponse.Suggestion>> suggestions(
      QueryResponse response) {
    SpellCheckResponse spelling = response.getSpellCheckResponse();
    if (spelling == null || spelling.getSuggestions() == null) {
      return Map.of(); // a collection built before the configset had a spell checker
    }
    return spelling.getSuggestions().stream()
        .collect(Collectors.groupingBy(SpellCheckResponse.Suggestion::getToken));
  }

  /**
   * The typo neighbours the local index would try: within the edits the word's length allows,
   * nearest first, then the most frequent; never the word or one of its listed forms (another
   * spelling is offered as that).
   */
  private static List<Near> near(
      String word,
      List<SpellCheckResponse.Suggestion> suggestions,
      List<WordForms.Form> listed,
      Forgiveness forgiveness) {
    int edits = forgiveness.maxEdits(word.codePointCount(0, word.length()));
    if (edits == 0) {
      return List.of();
    }
    Set<String> other = listed.stream().map(WordForms.Form::word).collect(Collectors.toSet());
    Map<String, Near> near = new LinkedHashMap<>();
    for (SpellCheckResponse.Suggestion suggestion : suggestions) {
      List<String> alternatives = suggestion.getAlternatives();
      List<Integer> frequencies = suggestion.getAlternativeFrequencies();
      for (int k = 0; k < alternatives.size(); k++) {
        String candidate = alternatives.get(k);
        int away = Edits.between(word, candidate);
        if (away <= edits && !candidate.equals(word) && !other.contains(candidate)) {
          long reviews = frequencies == null ? 0 : frequencies.get(k);
          near.merge(
              candidate,
              new Near(candidate, away, reviews),
              (a, b) -> a.reviews() >= b.reviews() ? a : b);
        }
      }
    }
    return near.values().stream()
        .sorted(
            Comparator.comparingInt(Near::edits)
                .thenComparing(Comparator.comparingLong(Near::reviews).reversed())
                .thenComparing(Near::word))
        .limit(forgiveness.maxExpansions())
        .toList();
  }

  /**
   * As the local index's spell checker corrects an unknown word: the best suggestion of at least
   * four letters typed, two edits at most, that keeps the first letter.
   */
  private static String correction(String word, List<SpellCheckResponse.Suggestion> suggestions) {
    if (word.codePointCount(0, word.length()) < 4) {
      return null;
    }
    for (SpellCheckResponse.Suggestion suggestion : suggestions) {
      for (String candidate : suggestion.getAlternatives()) {
        if (!candidate.equals(word)
            && candidate.codePointAt(0) == word.codePointAt(0)
            && Edits.between(word, candidate) <= 2) {
          return candidate;
        }
      }
    }
    return null;
  }
}
