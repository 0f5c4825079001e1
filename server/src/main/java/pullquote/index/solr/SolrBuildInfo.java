package pullquote.index.solr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import pullquote.index.BuildInfo;
import pullquote.ingest.Json;

/**
 * Where a rebuild keeps its build report (the JSON the local path writes as {@code
 * build-info.json}): in the collection's own state, as the custom collection property {@value
 * #STATE_KEY}, set with {@code MODIFYCOLLECTION} before the alias is moved, so every collection an
 * alias has pointed to carries its report from the start.
 *
 * <p>Reading it back: {@link #read(SolrClient, String)} with the alias (or a collection) asks for
 * {@code CLUSTERSTATUS} and parses the property. A client that already holds the cluster state can
 * read it from the collection's {@code DocCollection} ({@code getStr(SolrBuildInfo.STATE_KEY)}) and
 * {@link #parse} it.
 *
 * <p>Why not {@code COLLECTIONPROP}, Solr's collection properties: Solr 9 has no API that reads
 * them back but its ZooKeeper browser ({@code /api/cluster/zookeeper/data/...}), which secured
 * clusters rightly close; {@code CLUSTERSTATUS} is what a server reads for health anyway.
 */
public final class SolrBuildInfo {

  /** The property's name as {@code MODIFYCOLLECTION} takes it and the cluster state shows it. */
  public static final String STATE_KEY = "property.pullquote.build";

  // Readers and writers are immutable once made; the mapper they come from is not kept.
  private static final ObjectReader READER = Json.newMapper().readerFor(BuildInfo.class);
  private static final ObjectWriter WRITER = Json.newMapper().writerFor(BuildInfo.class);

  private SolrBuildInfo() {}

  /** Stores the report with the collection. */
  static void store(SolrClient client, String collection, BuildInfo info)
      throws SolrServerException, IOException {
    CollectionAdminRequest.modifyCollection(
            collection, Map.of(STATE_KEY, WRITER.writeValueAsString(info)))
        .process(client);
  }

  /**
   * The build report of the collection, or of the one collection the alias points to.
   *
   * @return empty when there is no such collection or alias, the alias points to several, or the
   *     collection has no readable report (say, one made by hand)
   */
  public static Optional<BuildInfo> read(SolrClient client, String collectionOrAlias)
      throws SolrServerException, IOException {
    NamedList<Object> response;
    try {
      response =
          new CollectionAdminRequest.ClusterStatus()
              .setCollectionName(collectionOrAlias)
              .process(client)
              .getResponse();
    } catch (SolrException e) {
      // CLUSTERSTATUS answers 400 "Collection: NAME not found" for a name that is neither.
      if (e.code() == 400 || e.code() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    Object cluster = response.get("cluster");
    Object collections = get(cluster, "collections");
    Object state = get(collections, collectionOrAlias);
    if (state == null) {
      Object targets = get(get(cluster, "aliases"), collectionOrAlias);
      List<String> names = targets == null ? List.of() : List.of(targets.toString().split(","));
      state = names.size() == 1 ? get(collections, names.get(0)) : null;
    }
    Object value = get(state, STATE_KEY);
    return value == null ? Optional.empty() : parse(value.toString());
  }

  /** A report as stored; empty when it cannot be read (a report from another version, say). */
  public static Optional<BuildInfo> parse(String json) {
    try {
      return Optional.of(READER.readValue(json));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A value of a response's map, which SolrJ gives as a {@link NamedList} or a {@link Map}. */
  private static Object get(Object container, String key) {
    if (container instanceof NamedList<?> list) {
      return list.get(key);
    }
    if (container instanceof Map<?, ?> map) {
      return map.get(key);
    }
    return null;
  }
}
