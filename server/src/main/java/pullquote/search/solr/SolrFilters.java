package pullquote.search.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.solr.client.solrj.util.ClientUtils;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.index.ReviewSchema;
import pullquote.search.SearchRequest;
import pullquote.sentiment.Sentiment;

/**
 * Where a request's filters become Solr's {@code fq}s: beside the box, never scored, each cached by
 * Solr on its own; the sentiment's, the score's and the date's tagged with the name of the facet
 * that counts without it (the date's with the year's).
 */
final class SolrFilters {

  /** The tag the sentiment filter carries, which its facet excludes. */
  static final String SENTIMENT_TAG = ReviewFields.SENTIMENT;

  /** How the sentiment filter starts, so a search can be counted without it. */
  static final String SENTIMENT_FILTER = tag(SENTIMENT_TAG);

  /** The facet a filter belongs to, as a tag: {@code {!tag=score}}. */
  static String tag(String facet) {
    return "{!tag=" + facet + "}";
  }

  private SolrFilters() {}

  /** The filters beside the box: names, the sentiment (tagged), score and date ranges. */
  static List<String> of(SearchRequest request) {
    List<String> filters = new ArrayList<>();
    for (ReviewSchema.Field name : ReviewSchema.ofKind(ReviewSchema.Kind.NAME)) {
      List<String> values = request.names(name.name());
      if (!values.isEmpty()) {
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        values.forEach(
            v ->
                any.add(
                    name.exactField()
                        + ":"
                        + ClientUtils.escapeQueryChars(ReviewAnalyzers.exactName(v))));
        filters.add(any.toString());
      }
    }
    if (!request.sentiments().isEmpty()
        && request.sentiments().size() < Sentiment.values().length) {
      StringJoiner any = new StringJoiner(" OR ", SENTIMENT_FILTER + "(", ")");
      request.sentiments().stream()
          .sorted()
          .forEach(
              s -> any.add(ReviewSchema.field(ReviewFields.SENTIMENT).solrName() + ":" + s.key()));
      filters.add(any.toString());
    }
    if (request.minScore() != null || request.maxScore() != null) {
      filters.add(
          tag(ReviewFields.SCORE)
              + range(
                  ReviewSchema.field(ReviewFields.SCORE).solrName(),
                  request.minScore() == null ? "*" : request.minScore().toString(),
                  request.maxScore() == null ? "*" : request.maxScore().toString()));
    }
    if (request.from() != null || request.to() != null) {
      filters.add(
          tag(ReviewFields.YEAR)
              + range(
                  ReviewSchema.field(ReviewFields.DATE).solrName(),
                  request.from() == null ? "*" : Long.toString(request.from().toEpochDay()),
                  request.to() == null ? "*" : Long.toString(request.to().toEpochDay())));
    }
    return filters;
  }

  private static String range(String field, String from, String to) {
    return field + ":[" + from + " TO " + to + "]";
  }
}
