package pullquote.search.solr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.util.NamedList;
import pullquote.index.ReviewFields;
import pullquote.index.ReviewSchema;
import pullquote.index.solr.SolrDocuments;
import pullquote.search.FacetCounts;
import pullquote.search.Highlights;
import pullquote.search.ReviewHit;
import pullquote.search.SearchRequest;
import pullquote.search.SearchResponse;
import pullquote.search.SortOrder;
import pullquote.sentiment.Sentiment;

/**
 * One page of one reading of a request on a SolrCloud collection: the Solr request (filters, sort,
 * cursor mark or offset, facets, highlights, the time budget, shards that may fail), and the answer
 * read back into the API's hits, counts and cursor.
 */
final class SolrPage {

  private static final String[] STORED = SolrDocuments.storedFields().toArray(String[]::new);

  /** As the local index: the most frequent values shown per name facet. */
  static final int TOP_VALUES = 10;

  private final SolrCollection collection;
  private final Duration budget;

  private final SearchRequest request;
  private final SolrQueries.Built built;
  private final SolrCursor cursor;
  private final boolean tieOnly;
  private final long start;

  /**
   * @param start when the search began ({@link System#nanoTime}), for the time the answer took
   */
  SolrPage(
      SolrCollection collection,
      Duration budget,
      SearchRequest request,
      SolrQueries.Built built,
      SolrCursor cursor,
      boolean tieOnly,
      long start) {
    this.collection = collection;
    this.start = start;
    this.budget = budget;
    this.request = request;
    this.built = built;
    this.cursor = cursor;
    this.tieOnly = tieOnly;
  }

  /**
   * @param words the relaxed reading's words ({@code $words} in its query), or null
   */
  SearchResponse run(String q, String words) {
    SolrQuery query = new SolrQuery(q);
    if (words != null) {
      query.set("words", words);
    }
    built.filters().forEach(query::addFilterQuery);
    query.setFields(STORED);
    query.set("timeAllowed", (int) budget.toMillis());
    query.set("shards.tolerant", true);
    query.set("shards.info", true);
    sort(query, request.sort(), built.filtersOnly());
    // Cursor marks from a first page or a cursor; an offset for a page reached by number.
    boolean byMark = cursor != null ? cursor.mark() != null : request.page() == 1;
    long offset = cursor != null ? cursor.seen() : (long) (request.page() - 1) * request.size();
    query.setRows(request.size());
    if (byMark) {
      query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor == null ? "*" : cursor.mark());
    } else {
      query.setStart((int) offset);
    }
    if (request.facets()) {
      facets(query);
    }
    if (request.highlight() && !built.filtersOnly() && built.textQ() != null) {
      SolrHighlights.ask(query, built.textQ());
    }
    QueryResponse response = collection.query(query);
    List<ReviewHit> hits = hits(response);
    long total = response.getResults().getNumFound();
    List<String> missing = missingShards(response);
    // Solr flags both a shard that did not answer and time that ran out as partial results.
    boolean timedOut =
        missing.isEmpty() && Boolean.TRUE.equals(response.getHeader().get("partialResults"));
    String next = null;
    if (offset + hits.size() < total && hits.size() == request.size()) {
      next =
          (byMark
                  ? new SolrCursor(
                      request.sort().toString(),
                      tieOnly,
                      response.getNextCursorMark(),
                      offset + hits.size(),
                      null)
                  : new SolrCursor(
                      request.sort().toString(),
                      tieOnly,
                      null,
                      offset + hits.size(),
                      collection.served()))
              .encode();
    }
    return SearchResponse.of(
            request,
            total,
            (System.nanoTime() - start) / 1_000_000,
            next,
            hits,
            request.facets() && !timedOut ? facetCounts(response) : null,
            built.warnings(),
            timedOut)
        .withMissingShards(missing);
  }

  /** Where a shard answers from: a replica's core, named after its collection and shard. */
  private static final Pattern SHARD_OF_CORE = Pattern.compile("_(shard\\d+)_replica");

  /**
   * The collection's shards that did not answer ({@code shards.tolerant} lets the others answer):
   * Solr names a shard with no live replica only as "unknown", so the missing are those of the
   * collection's shards that no answering replica belongs to.
   */
  private List<String> missingShards(QueryResponse response) {
    if (!(response.getResponse().get("shards.info") instanceof NamedList<?> info)) {
      return List.of();
    }
    Set<String> answered = new HashSet<>();
    boolean anyFailed = false;
    for (Map.Entry<String, ?> shard : info) {
      boolean failed =
          shard.getValue() instanceof NamedList<?> details && details.get("error") != null;
      anyFailed |= failed;
      Matcher core = SHARD_OF_CORE.matcher(shard.getKey());
      if (!failed && core.find()) {
        answered.add(core.group(1));
      }
    }
    if (!anyFailed) {
      return List.of();
    }
    return collection.shards(collection.served()).stream()
        .filter(s -> !answered.contains(s))
        .toList();
  }

  /**
   * The request's order, then the tie-break of the local index (the id's hash), then the id, which
   * cursor marks need.
   */
  private static void sort(SolrQuery query, SortOrder order, boolean filtersOnly) {
    if (order.key() == SortOrder.Key.RELEVANCE) {
      if (!filtersOnly) {
        query.addSort("score", SolrQuery.ORDER.desc);
      }
    } else {
      ReviewSchema.Field field = ReviewSchema.bySortKey(order.key().key()).orElseThrow();
      query.addSort(
          field.solrName(), order.descending() ? SolrQuery.ORDER.desc : SolrQuery.ORDER.asc);
    }
    query.addSort(ReviewFields.ID_ORDER, SolrQuery.ORDER.asc);
    query.addSort(ReviewFields.ID, SolrQuery.ORDER.asc);
  }

  private void facets(SolrQuery query) {
    query.setFacet(true);
    query.setFacetMinCount(1);
    query.setFacetLimit(TOP_VALUES);
    for (ReviewSchema.Field field : ReviewSchema.searchFacets()) {
      String solr = field.solrName();
      if (!collection.declares(solr)) {
        continue; // a collection built before the field existed: counted as having no values
      }
      String without = "{!ex=" + field.name();
      switch (field.facet()) {
        case ALL_VALUES -> {
          query.addFacetField(without + "}" + solr);
          query.set("f." + solr + ".facet.mincount", 0);
        }
        case TENS -> {
          for (int low = 0; low <= 90; low += 10) {
            query.addFacetQuery(
                without
                    + " key="
                    + tensKey(field, low)
                    + "}"
                    + solr
                    + ":["
                    + low
                    + " TO "
                    + (low == 90 ? 100 : low + 9)
                    + "]");
          }
        }
        case YEARS -> {
          query.addFacetField(without + "}" + solr);
          query.set("f." + solr + ".facet.limit", -1);
          query.set("f." + solr + ".facet.sort", "index");
        }
        default -> query.addFacetField(solr);
      }
    }
  }

  /** The key a ten-point bucket's facet query is answered under. */
  private static String tensKey(ReviewSchema.Field field, int low) {
    return field.name() + "_" + low;
  }

  private static FacetCounts facetCounts(QueryResponse response) {
    Map<String, Map<String, Long>> all = new LinkedHashMap<>();
    Map<String, List<FacetCounts.FacetValue>> top = new LinkedHashMap<>();
    for (ReviewSchema.Field field : ReviewSchema.searchFacets()) {
      FacetField counted = response.getFacetField(field.solrName());
      List<FacetField.Count> values = counted == null ? List.of() : counted.getValues();
      switch (field.facet()) {
        case ALL_VALUES -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          for (Sentiment value : Sentiment.values()) {
            counts.put(value.key(), 0L);
          }
          values.forEach(c -> counts.computeIfPresent(c.getName(), (k, n) -> c.getCount()));
          all.put(field.name(), counts);
        }
        case TENS -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          Map<String, Integer> answered = response.getFacetQuery();
          for (int low = 0; low <= 90; low += 10) {
            Integer n = answered == null ? null : answered.get(tensKey(field, low));
            counts.put(Integer.toString(low), n == null ? 0L : n.longValue());
          }
          all.put(field.name(), counts);
        }
        case YEARS -> {
          Map<String, Long> counts =
              new java.util.TreeMap<>(java.util.Comparator.comparingLong(Long::parseLong));
          values.forEach(c -> counts.put(c.getName(), c.getCount()));
          all.put(field.name(), new LinkedHashMap<>(counts));
        }
        default ->
            top.put(
                field.name(),
                values.stream()
                    .map(c -> new FacetCounts.FacetValue(c.getName(), c.getCount()))
                    .toList());
      }
    }
    return new FacetCounts(all, top);
  }

  private static List<ReviewHit> hits(QueryResponse response) {
    Map<String, Map<String, List<String>>> marked = response.getHighlighting();
    List<ReviewHit> hits = new ArrayList<>();
    for (SolrDocument doc : response.getResults()) {
      var review = SolrDocuments.fromSolr(doc);
      Highlights highlights = Highlights.NONE;
      if (marked != null && marked.get(review.id()) != null) {
        List<String> passages = marked.get(review.id()).get(ReviewFields.TEXT);
        highlights =
            SolrHighlights.read(
                passages == null || passages.isEmpty() ? null : passages.getFirst(), review.text());
      }
      hits.add(ReviewHit.of(review, highlights));
    }
    return hits;
  }
}
