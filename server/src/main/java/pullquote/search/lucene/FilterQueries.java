package pullquote.search.lucene;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.index.ReviewSchema;
import pullquote.search.SearchRequest;
import pullquote.sentiment.Sentiment;

/**
 * Where a request's filters become Lucene queries: beside the box, never scored. Each facet that
 * lists every value (sentiment, score, year) has its own filter kept apart, so it can be counted
 * without it: ticking a class or choosing a range still shows the other classes and ranges.
 */
final class FilterQueries {

  /** Every filter, each under the facet it belongs to; names under null (no facet of their own). */
  private final Map<String, Query> byFacet = new LinkedHashMap<>();

  private final List<Query> names = new ArrayList<>();

  private FilterQueries() {}

  static FilterQueries of(SearchRequest request) {
    FilterQueries filters = new FilterQueries();
    for (ReviewSchema.Field name : ReviewSchema.ofKind(ReviewSchema.Kind.NAME)) {
      Query any = anyOf(name.exactField(), request.names(name.name()), ReviewAnalyzers::exactName);
      if (any != null) {
        filters.names.add(any);
      }
    }
    if (!request.sentiments().isEmpty()
        && request.sentiments().size() < Sentiment.values().length) {
      filters.byFacet.put(
          ReviewFields.SENTIMENT,
          anyOf(
              ReviewFields.SENTIMENT,
              request.sentiments().stream().map(Sentiment::key).toList(),
              Function.identity()));
    }
    if (request.minScore() != null || request.maxScore() != null) {
      filters.byFacet.put(
          ReviewFields.SCORE,
          IntPoint.newRangeQuery(
              ReviewFields.SCORE,
              request.minScore() == null ? 0 : request.minScore(),
              request.maxScore() == null ? 100 : request.maxScore()));
    }
    if (request.from() != null || request.to() != null) {
      // the year facet's own filter: years are counted without the date range
      filters.byFacet.put(
          ReviewFields.YEAR,
          LongPoint.newRangeQuery(
              ReviewFields.DATE,
              request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay(),
              request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay()));
    }
    return filters;
  }

  boolean any() {
    return !names.isEmpty() || !byFacet.isEmpty();
  }

  /**
   * The box (every review when null) with every filter, in one query; the shape of a query without
   * filters too, so a search with filters and one without rank alike.
   */
  Query around(Query box) {
    return around(box, null);
  }

  /** For each facet with a filter of its own, the search without that filter. */
  Map<String, Query> withoutEachOwnFilter(Query box) {
    Map<String, Query> without = new LinkedHashMap<>();
    byFacet.keySet().forEach(facet -> without.put(facet, around(box, facet)));
    return without;
  }

  private Query around(Query box, String leftOut) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(box == null ? MatchAllDocsQuery.INSTANCE : box, Occur.MUST);
    names.forEach(name -> query.add(name, Occur.FILTER));
    byFacet.forEach(
        (facet, filter) -> {
          if (!facet.equals(leftOut)) {
            query.add(filter, Occur.FILTER);
          }
        });
    return query.build();
  }

  /** Any of the values in the field, or null for none. */
  private static Query anyOf(
      String field, Collection<String> values, Function<String, String> form) {
    if (values.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String value : values) {
      any.add(new TermQuery(new Term(field, form.apply(value))), Occur.SHOULD);
    }
    return any.build();
  }
}
