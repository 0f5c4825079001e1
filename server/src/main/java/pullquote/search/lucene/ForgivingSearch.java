package pullquote.search.lucene;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.Query;
import pullquote.search.DidYouMean;
import pullquote.search.Forgiveness;
import pullquote.search.Relaxation;
import pullquote.search.SearchRequest;
import pullquote.search.SearchResponse;

/**
 * Reads the search box as forgivingly as a request needs, and no more:
 *
 * <ol>
 *   <li>the words as typed (in the text, with their other spellings), all required: most searches
 *       end here;
 *   <li>when they find few reviews in the whole index ({@link Forgiveness}), each word also matches
 *       its near-synonyms (as itself) and, when they find none, its typo neighbours (below itself);
 *   <li>when still no review has all the words, the reviews with most of them, ranked by how many
 *       they have, and the answer says which words were not required.
 * </ol>
 *
 * Every step is decided from the query, its filters and the index generation alone, so the pages
 * and cursors of one search all read it the same way.
 */
final class ForgivingSearch {

  /** Runs queries for the request being answered, on one index generation. */
  interface Runner {
    SearchResponse run(ReviewQueryBuilder.Built built) throws IOException;

    long count(Query query) throws IOException;
  }

  private record Relaxed(ReviewQueryBuilder.Built built, Relaxation relaxation) {}

  private final ReviewQueryBuilder queries;
  private final Forgiveness forgiveness;
  private final DidYouMean didYouMean;

  ForgivingSearch(ReviewQueryBuilder queries, Forgiveness forgiveness, DidYouMean didYouMean) {
    this.queries = queries;
    this.forgiveness = forgiveness;
    this.didYouMean = didYouMean;
  }

  SearchResponse search(SearchRequest request, Lexicon lexicon, Runner runner) throws IOException {
    ReviewQueryBuilder.Built strict = queries.build(request, lexicon, Reading.STRICT);
    SearchResponse first = runner.run(strict);
    if (strict.filtersOnly() || first.timedOut() || first.total() >= forgiveness.tryMoreBelow()) {
      return first.forgiving(null, null, List.of(), strict.expansions());
    }
    // Filters may leave few of many: the words are read by what they find in the whole index.
    long asTyped = strict.filtered() ? runner.count(strict.box()) : first.total();
    Reading reading = Reading.forFound(forgiveness, asTyped);
    ReviewQueryBuilder.Built forgiving = queries.build(request, lexicon, reading);
    ReviewQueryBuilder.Built used = strict;
    SearchResponse answer = first;
    // A reading that adds nothing to the words as typed (no name, synonym or typo neighbour
    // exists for any of them) would find the same reviews again.
    if (!forgiving.query().equals(strict.query())) {
      answer = runner.run(forgiving);
      used = forgiving;
    }
    Relaxation relaxation = null;
    if (answer.total() == 0 && !answer.timedOut() && unfilteredByClassIsEmpty(used, runner)) {
      Relaxed relaxed = relax(request, lexicon, reading, forgiving, runner);
      if (relaxed != null) {
        answer = runner.run(relaxed.built());
        used = relaxed.built();
        relaxation = relaxed.relaxation();
      }
    }
    return answer.forgiving(
        relaxation,
        lexicon == null
            ? null
            : didYouMean.of(request.q(), strict.deadWords(), lexicon::correction),
        answer.suggestedFilters(),
        used.expansions());
  }

  /**
   * Ticking a sentiment class that has none of the hits shows none: relaxing then would count the
   * other classes' facets differently from the search before the tick.
   */
  private static boolean unfilteredByClassIsEmpty(ReviewQueryBuilder.Built used, Runner runner)
      throws IOException {
    return !used.sentimentFiltered() || runner.count(used.withoutSentimentFilter()) == 0;
  }

  /**
   * The reading with the fewest words left out that finds a review: words nothing matches are
   * dropped, then ever fewer of the rest are required.
   */
  private Relaxed relax(
      SearchRequest request,
      Lexicon lexicon,
      Reading reading,
      ReviewQueryBuilder.Built forgiving,
      Runner runner)
      throws IOException {
    List<String> top = forgiving.topWords();
    Set<String> dead = Set.copyOf(forgiving.deadWords());
    int live = (int) top.stream().filter(w -> !dead.contains(w)).count();
    if (live == 0 || (dead.isEmpty() && live < 2)) {
      return null;
    }
    for (int required : Relaxation.levels(live, !dead.isEmpty())) {
      ReviewQueryBuilder.Built built =
          queries.build(request, lexicon, reading.relaxed(dead, required));
      if (runner.count(built.withoutSentimentFilter()) > 0) {
        List<String> unknown = distinct(top.stream().filter(dead::contains).toList());
        List<String> optional = required == live ? unknown : distinct(top);
        return new Relaxed(built, new Relaxation(optional, required, unknown));
      }
    }
    return null;
  }

  private static List<String> distinct(List<String> words) {
    return List.copyOf(new LinkedHashSet<>(words));
  }
}
