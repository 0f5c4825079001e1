package pullquote.search.solr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;
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

  /** How far two neighbouring words may stand apart and still score, as the local index. */
  private static final int PAIR_SLOP = 2;

  /** The most proximity clauses one relaxed query has, as the local index. */
  private static final int MAX_PROXIMITY = 32;

  private static final int RUN_WORDS = 8;

  /** A relaxed reading: its query and what the answer says about it. */
  record Relaxed(String q, String words, Relaxation relaxation) {}

  private final SolrCollection collection;

  SolrRelaxation(SolrCollection collection) {
    this.collection = collection;
  }

  /**
   * The relaxed readings to try, in order: words nothing matches dropped, then ever fewer of the
   * rest required.
   *
   * @param words the plain words at the box's top, written as typed
   * @param rest the box's other top-level items, which stay as typed (required or excluded)
   * @param clauses how the reading being relaxed matches each word
   * @return the readings, or an empty list when relaxing cannot help
   */
  List<Relaxed> plan(List<String> words, String rest, SolrWordClauses clauses) {
    List<String> top = List.copyOf(new LinkedHashSet<>(words));
    Map<String, SolrWordClauses.Clause> clause = new HashMap<>();
    top.forEach(w -> clause.put(w, clauses.of(w)));
    List<String> dead = dead(top, clause, clauses);
    List<String> live = top.stream().filter(w -> !dead.contains(w)).toList();
    if (live.isEmpty() || (dead.isEmpty() && live.size() < 2)) {
      return List.of();
    }
    List<SolrWordClauses.Clause> liveClauses = live.stream().map(clause::get).toList();
    String joined =
        String.join(" ", liveClauses.stream().map(SolrWordClauses.Clause::any).toList());
    String near = proximity(top, dead);
    List<Relaxed> levels = new ArrayList<>();
    for (int required : Relaxation.levels(live.size(), !dead.isEmpty())) {
      List<String> optional = required == live.size() ? dead : top;
      levels.add(
          new Relaxed(
              query(liveClauses, required, rest) + near,
              joined,
              new Relaxation(optional, required, dead)));
    }
    return levels;
  }

  /**
   * The words nothing matches in any form the reading tries: known from the words' look-up, or
   * counted in one request for words past it.
   */
  private List<String> dead(
      List<String> top, Map<String, SolrWordClauses.Clause> clause, SolrWordClauses clauses) {
    List<String> unknown = top.stream().filter(w -> clauses.matchesNothing(w) == null).toList();
    Map<String, Integer> counted =
        unknown.isEmpty()
            ? Map.of()
            : counts(unknown.stream().map(w -> clause.get(w).any()).toList(), List.of(), null);
    List<String> dead = new ArrayList<>();
    for (String word : top) {
      Boolean nothing = clauses.matchesNothing(word);
      if (nothing == null ? counted.getOrDefault("c" + unknown.indexOf(word), 0) == 0 : nothing) {
        dead.add(word);
      }
    }
    return dead;
  }

  /**
   * The first of the readings from {@code from} on that finds a review with the filters, all
   * counted in one request; or null for none.
   */
  Relaxed firstFinding(List<Relaxed> levels, int from, List<String> filters) {
    List<Relaxed> left = levels.subList(from, levels.size());
    if (left.isEmpty()) {
      return null;
    }
    Map<String, Integer> counted =
        counts(left.stream().map(Relaxed::q).toList(), filters, left.getFirst().words());
    for (int i = 0; i < left.size(); i++) {
      if (counted.getOrDefault("c" + i, 0) > 0) {
        return left.get(i);
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
      // Every word's exact tier, not only a word with typo neighbours': a review lacking that word
      // must not rank below one that has it exactly but lacks another.
      q.add(word.any() + "^=" + MATCH_TIER);
      q.add(word.exact() + "^=" + EXACT_TIER);
      q.add(word.written() + "^=" + WRITTEN_TIER);
    }
    return q.toString();
  }

  /**
   * Proximity, scored (optional), as the local index scores a relaxed reading (edismax's {@code
   * pf2}, {@code pf3} and {@code pf}): in each run of words between those dropped, each two
   * neighbours, each two words one apart (at half weight: a word forgotten and another put in
   * between still scores), and the whole run. Each clause starts with a space.
   */
  private static String proximity(List<String> words, List<String> dead) {
    List<String> clauses = new ArrayList<>();
    List<String> run = new ArrayList<>();
    for (String word : words) {
      if (dead.contains(word)) {
        addRun(clauses, run);
        run.clear();
      } else {
        run.add(word);
      }
    }
    addRun(clauses, run);
    StringBuilder q = new StringBuilder();
    clauses.stream().limit(MAX_PROXIMITY).forEach(c -> q.append(' ').append(c));
    return q.toString();
  }

  private static void addRun(List<String> clauses, List<String> run) {
    for (int i = 0; i + 1 < run.size(); i++) {
      clauses.add(phrase(run.subList(i, i + 2), PAIR_SLOP, ""));
    }
    for (int i = 0; i + 2 < run.size(); i++) {
      clauses.add(phrase(List.of(run.get(i), run.get(i + 2)), PAIR_SLOP, "^0.5"));
    }
    if (run.size() >= 3) {
      clauses.add(phrase(run.subList(0, Math.min(run.size(), RUN_WORDS)), 1, ""));
    }
  }

  private static String phrase(List<String> words, int slop, String boost) {
    return ReviewFields.TEXT
        + ":\""
        + ClientUtils.escapeQueryChars(String.join(" ", words))
        + "\"~"
        + slop
        + boost;
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
