package pullquote.search.solr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.solr.client.solrj.request.SolrQuery;
import pullquote.index.ReviewFields;
import pullquote.search.Relaxation;

/**
 * No dead ends on Solr: when no review has all the plain words at the top of the box, the reviews
 * with most of them (and all its other items), as the local index relaxes. Words nothing matches
 * are dropped; then ever fewer of the rest are required (edismax's {@code mm}), and each word a
 * review has adds a constant tier, so a review with more of the words always ranks first and BM25
 * orders those with as many. Words are matched in the forms the reading being relaxed tries.
 */
final class SolrRelaxation {

  /** As the local index: each word matched lifts a review a whole tier. */
  private static final int MATCH_TIER = 10_000;

  /** Then each word matched as typed, not by a typo neighbour. */
  private static final int EXACT_TIER = 1_000;

  /** Then each written as typed rather than inflected. */
  private static final int WRITTEN_TIER = 200;

  /** A relaxed reading found something: its query and what the answer says about it. */
  record Relaxed(String q, String words, Relaxation relaxation) {}

  private final SolrCollection collection;

  SolrRelaxation(SolrCollection collection) {
    this.collection = collection;
  }

  /**
   * @param words the plain words at the box's top, written as typed
   * @param rest the box's other top-level items, which stay as typed (required or excluded)
   * @param clauses how the reading being relaxed matches each word
   * @param filters the request's filters, which stay strict
   * @return the reading with the fewest words left out that finds a review, or null for none
   */
  Relaxed relax(List<String> words, String rest, SolrWordClauses clauses, List<String> filters) {
    List<String> top = List.copyOf(new LinkedHashSet<>(words));
    Map<String, SolrWordClauses.Clause> clause = new HashMap<>();
    top.forEach(w -> clause.put(w, clauses.of(w)));
    // every word's reviews, in any form the reading tries, in one request
    Map<String, Integer> perWord =
        counts(top.stream().map(w -> clause.get(w).any()).toList(), List.of(), null);
    List<String> dead = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      if (perWord.getOrDefault("c" + i, 0) == 0) {
        dead.add(top.get(i));
      }
    }
    List<String> live = top.stream().filter(w -> !dead.contains(w)).toList();
    if (live.isEmpty() || (dead.isEmpty() && live.size() < 2)) {
      return null;
    }
    // every level's reviews, with the filters, in one more request; the first that finds any wins
    List<Integer> levels = Relaxation.levels(live.size(), !dead.isEmpty());
    List<SolrWordClauses.Clause> liveClauses = live.stream().map(clause::get).toList();
    String joined =
        String.join(" ", liveClauses.stream().map(SolrWordClauses.Clause::any).toList());
    List<String> queries = levels.stream().map(k -> query(liveClauses, k, rest)).toList();
    Map<String, Integer> perLevel = counts(queries, filters, joined);
    for (int i = 0; i < levels.size(); i++) {
      if (perLevel.getOrDefault("c" + i, 0) > 0) {
        int required = levels.get(i);
        List<String> optional = required == live.size() ? dead : top;
        return new Relaxed(queries.get(i), joined, new Relaxation(optional, required, dead));
      }
    }
    return null;
  }

  /**
   * The words as one edismax clause needing {@code required} of them ({@code $words}: each word's
   * forms in parentheses, one clause each), then a tier for each word a review has, has as typed,
   * and has written as typed.
   */
  static String query(List<SolrWordClauses.Clause> live, int required, String rest) {
    StringJoiner q = new StringJoiner(" ");
    if (!rest.isEmpty()) {
      q.add(rest);
    }
    q.add("+_query_:\"{!edismax qf=" + ReviewFields.TEXT + " mm=" + required + " v=$words}\"");
    for (SolrWordClauses.Clause word : live) {
      q.add(word.any() + "^=" + MATCH_TIER);
      if (word.inexact()) {
        q.add(word.exact() + "^=" + EXACT_TIER);
      }
      q.add(word.written() + "^=" + WRITTEN_TIER);
    }
    return q.toString();
  }

  /**
   * How many reviews each query finds with the filters, counted in one request ({@code c0}, {@code
   * c1}, ... in the queries' order).
   *
   * @param words the relaxed readings' {@code $words}, or null
   */
  private Map<String, Integer> counts(List<String> queries, List<String> filters, String words) {
    SolrQuery query = new SolrQuery("*:*");
    filters.forEach(query::addFilterQuery);
    if (words != null) {
      query.set("words", words);
    }
    query.setRows(0);
    query.setFacet(true);
    for (int i = 0; i < queries.size(); i++) {
      query.addFacetQuery("{!key=c" + i + "}" + queries.get(i));
    }
    Map<String, Integer> counted = collection.query(query).getFacetQuery();
    return counted == null ? Map.of() : counted;
  }
}
