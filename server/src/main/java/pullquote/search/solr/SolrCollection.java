package pullquote.search.solr;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.BaseHttpClusterStateProvider;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.PivotField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.json.BucketJsonFacet;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import pullquote.index.BuildInfo;
import pullquote.index.ReviewFields;
import pullquote.index.ReviewSchema;
import pullquote.index.solr.SolrBuildInfo;
import pullquote.search.CriticDirectory;
import pullquote.search.IndexStats;
import pullquote.search.InvalidParameterException;
import pullquote.search.SearchUnavailableException;
import pullquote.search.WorkTally;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

/**
 * The collection a {@code --collection} alias points to, as the search service reads it: queries
 * (failures become the API's errors), which generation is served, and what is counted once per
 * generation (the critic directory, the stats).
 */
public final class SolrCollection {

  private final CloudSolrClient client;
  private final String alias;
  private final Map<String, CriticDirectory> critics = new ConcurrentHashMap<>();
  private final Map<String, IndexStats> stats = new ConcurrentHashMap<>();
  private final Map<String, Map<String, WorkTally>> tallies = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> fields = new ConcurrentHashMap<>();

  public SolrCollection(CloudSolrClient client, String alias) {
    this.client = client;
    this.alias = alias;
  }

  /**
   * The collection behind the alias now (the name itself when it is a plain collection), read
   * afresh from the cluster: one request, so never on the way of an ordinary search, only where a
   * rebuild must be seen at once (health, stats, paging by offset, a shard that did not answer).
   */
  public String served() {
    return resolve(true);
  }

  /** As {@link #served}, from the client's cache of aliases (seconds old at most). */
  String servedRecently() {
    return resolve(false);
  }

  private String resolve(boolean fresh) {
    try {
      var provider = client.getClusterStateProvider();
      List<String> resolved =
          fresh && provider instanceof BaseHttpClusterStateProvider http
              ? http.resolveAlias(alias, true)
              : provider.resolveAlias(alias);
      return resolved.isEmpty() ? alias : resolved.getFirst();
    } catch (RuntimeException e) {
      // the cluster's state could not be read: unreachable, or no live node answers
      throw unavailable(e);
    }
  }

  /**
   * Fails unless the cluster has the collection: a server checks once, when it opens, and a search
   * only after Solr refused it.
   *
   * @throws SearchUnavailableException naming the collection and how to build it
   */
  void requireExists() {
    String name = served();
    // getCollection fails on a name the cluster lacks (SolrJ 10); its reference does not.
    var state = client.getClusterStateProvider().getState(name);
    if (state == null || state.get() == null) {
      throw new SearchUnavailableException(
          "the SolrCloud cluster has no collection "
              + alias
              + "; build one with: pullquote index --solr URL --collection "
              + alias
              + " PATH...");
    }
  }

  /** The shards of a collection, by name, in order. */
  List<String> shards(String served) {
    try {
      var state = client.getClusterStateProvider().getCollection(served);
      return state == null
          ? List.of()
          : state.getSlices().stream().map(s -> s.getName()).sorted().toList();
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  /**
   * Runs a search, once more when the first try fails on the way (a node that died with the request
   * in flight, or a shard that answered nothing): a search changes nothing, and the second try goes
   * to the live replicas, so a lost node with replicas elsewhere fails no reader.
   */
  QueryResponse query(SolrQuery query) {
    try {
      QueryResponse response = queryOnce(query);
      return hasFailedShard(response) ? queryOnce(query) : response;
    } catch (SearchUnavailableException e) {
      return queryOnce(query);
    }
  }

  private static boolean hasFailedShard(QueryResponse response) {
    return response.getResponse().get("shards.info") instanceof NamedList<?> info
        && info.asShallowMap().values().stream()
            .anyMatch(d -> d instanceof NamedList<?> details && details.get("error") != null);
  }

  private QueryResponse queryOnce(SolrQuery query) {
    try {
      // POST: a box of 256 words (and its text-only copy for the highlighter) outgrows a URL.
      return client.query(alias, query, SolrRequest.METHOD.POST);
    } catch (SolrException e) {
      requireExists(); // a search of a collection that is gone says so, not "bad request"
      if (e.code() == SolrException.ErrorCode.BAD_REQUEST.code) {
        // Solr refused what we sent: a query the box let through that Solr cannot parse.
        throw new InvalidParameterException(
            InvalidParameterException.INVALID_VALUE,
            "q",
            "the search engine could not read the query");
      }
      throw unavailable(e);
    } catch (SolrServerException | IOException e) {
      throw unavailable(e);
    }
  }

  long count() {
    SolrQuery all = new SolrQuery("*:*");
    all.setRows(0);
    return query(all).getResults().getNumFound();
  }

  CriticDirectory critics() {
    return critics.computeIfAbsent(servedRecently(), name -> readCritics());
  }

  /** Every review, no hits: every value of the facets asked for, with its count. */
  private static SolrQuery everyValue() {
    SolrQuery all = new SolrQuery("*:*");
    all.setRows(0);
    all.setFacet(true);
    all.setFacetLimit(-1);
    all.setFacetMinCount(1);
    return all;
  }

  /** Each critic's reviews by sentiment, from one pivot facet over the whole collection. */
  private CriticDirectory readCritics() {
    SolrQuery all = everyValue();
    String critic = ReviewSchema.field(ReviewFields.CRITIC).solrName();
    String sentiment = ReviewSchema.field(ReviewFields.SENTIMENT).solrName();
    all.addFacetPivotField(critic + "," + sentiment);
    Map<String, long[]> counts = new HashMap<>();
    List<PivotField> pivots = query(all).getFacetPivot().get(critic + "," + sentiment);
    for (PivotField byCritic : pivots == null ? List.<PivotField>of() : pivots) {
      long[] byClass = new long[Sentiment.values().length];
      for (PivotField byClassField :
          byCritic.getPivot() == null ? List.<PivotField>of() : byCritic.getPivot()) {
        Sentiment.parse(String.valueOf(byClassField.getValue()))
            .ifPresent(s -> byClass[s.ordinal()] += byClassField.getCount());
      }
      counts.put(String.valueOf(byCritic.getValue()), byClass);
    }
    return CriticDirectory.of(counts);
  }

  /**
   * Whether the served collection's schema declares the field, as its Schema API lists them once
   * per generation: a collection built by an older pullquote lacks the fields added since (the
   * year, aliases), and is searched without them until it is rebuilt, rather than refused.
   */
  boolean declares(String field) {
    return fields.computeIfAbsent(servedRecently(), this::readFields).contains(field);
  }

  private Set<String> readFields(String served) {
    try {
      return new SchemaRequest.Fields()
          .process(client, served).getFields().stream()
              .map(f -> String.valueOf(f.get("name")))
              .collect(java.util.stream.Collectors.toUnmodifiableSet());
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw unavailable(e);
    }
  }

  /** Every work's tally, from one JSON facet over the whole collection, once per generation. */
  Map<String, WorkTally> workTallies() {
    return tallies.computeIfAbsent(servedRecently(), name -> readTallies());
  }

  private Map<String, WorkTally> readTallies() {
    String score = ReviewSchema.field(ReviewFields.SCORE).solrName();
    SolrQuery all = new SolrQuery("*:*");
    all.setRows(0);
    all.add(
        "json.facet",
        "{works:{type:terms,field:"
            + ReviewSchema.field(ReviewFields.WORK).solrName()
            + ",limit:-1,facet:{sum:\"sum("
            + score
            + ")\",scored:\"countvals("
            + score
            + ")\",classes:{type:terms,field:"
            + ReviewSchema.field(ReviewFields.SENTIMENT).solrName()
            + ",limit:3}}}}");
    var facets = query(all).getJsonFacetingResponse();
    Map<String, WorkTally> byWork = new HashMap<>();
    var works = facets == null ? null : facets.getBucketBasedFacets("works");
    for (var bucket : works == null ? List.<BucketJsonFacet>of() : works.getBuckets()) {
      long[] byClass = new long[Sentiment.values().length];
      var classes = bucket.getBucketBasedFacets("classes");
      for (var c : classes == null ? List.<BucketJsonFacet>of() : classes.getBuckets()) {
        Sentiment.parse(String.valueOf(c.getVal()))
            .ifPresent(s -> byClass[s.ordinal()] += c.getCount());
      }
      Object sum = bucket.getStatValue("sum");
      Object scored = bucket.getStatValue("scored");
      byWork.put(
          String.valueOf(bucket.getVal()),
          new WorkTally(
              bucket.getCount(),
              scored instanceof Number n ? n.longValue() : 0,
              sum instanceof Number n ? Math.round(n.doubleValue()) : 0,
              byClass[0],
              byClass[1],
              byClass[2]));
    }
    return Map.copyOf(byWork);
  }

  IndexStats stats() {
    String served = served();
    return stats.computeIfAbsent(served, name -> readStats(name));
  }

  private IndexStats readStats(String served) {
    SolrQuery all = everyValue();
    String sentiment = ReviewSchema.field(ReviewFields.SENTIMENT).solrName();
    String source = ReviewSchema.field(ReviewFields.SENTIMENT_SOURCE).solrName();
    String work = ReviewSchema.field(ReviewFields.WORK).solrName();
    all.addFacetField(sentiment, source, work);
    QueryResponse response = query(all);
    return new IndexStats(
        response.getResults().getNumFound(),
        sizeBytes(served),
        served,
        allValues(response.getFacetField(sentiment), Sentiment.keys()),
        allValues(response.getFacetField(source), SentimentSource.keys()),
        critics().size(),
        response.getFacetField(work) == null ? 0 : response.getFacetField(work).getValueCount(),
        buildInfo(served));
  }

  /**
   * The collection's index on disk, one copy of each shard (its leader's core, as Solr's collection
   * status reports it in GB); 0 when the status has no size.
   */
  private long sizeBytes(String served) {
    try {
      var status =
          CollectionAdminRequest.collectionStatus(served).setWithCoreInfo(true).process(client);
      Object shards = at(status.getResponse().get(served), "shards");
      double gigabytes = 0;
      if (shards instanceof Iterable<?> each) {
        for (Object shard : each) {
          Object value = shard instanceof Map.Entry<?, ?> entry ? entry.getValue() : shard;
          if (at(value, "leader", "segInfos", "info", "core", "sizeInGB") instanceof Number n) {
            gigabytes += n.doubleValue();
          }
        }
      }
      return Math.round(gigabytes * (1L << 30));
    } catch (SolrServerException | IOException e) {
      throw unavailable(e);
    }
  }

  /** A value down a path of keys in Solr's nested answer (named lists or maps), or null. */
  private static Object at(Object node, String... keys) {
    for (String key : keys) {
      node =
          switch (node) {
            case NamedList<?> list -> list.get(key);
            case Map<?, ?> map -> map.get(key);
            case null, default -> null;
          };
    }
    return node;
  }

  /** The report the rebuild stored with the collection; null for one made another way. */
  private BuildInfo buildInfo(String served) {
    try {
      return SolrBuildInfo.read(client, served).orElse(null);
    } catch (SolrServerException | IOException e) {
      throw unavailable(e);
    }
  }

  private static Map<String, Long> allValues(FacetField counted, List<String> keys) {
    Map<String, Long> result = new LinkedHashMap<>();
    for (String key : keys) {
      result.put(key, 0L);
    }
    if (counted != null) {
      counted
          .getValues()
          .forEach(c -> result.computeIfPresent(c.getName(), (k, n) -> c.getCount()));
    }
    return result;
  }

  private SearchUnavailableException unavailable(Exception e) {
    return new SearchUnavailableException(
        "the SolrCloud collection " + alias + " cannot be searched now (" + e.getMessage() + ")");
  }
}
