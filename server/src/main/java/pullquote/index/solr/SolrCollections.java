package pullquote.index.solr;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * The Collections and Configsets API calls a rebuild makes, all through the V1 API ({@code
 * /admin/collections}, {@code /admin/configs}), which Solr 9 and 10 both answer.
 */
final class SolrCollections {

  private final SolrClient client;

  SolrCollections(SolrClient client) {
    this.client = client;
  }

  /** The cluster's collections (not aliases). */
  Set<String> collections() throws SolrServerException, IOException {
    return new HashSet<>(CollectionAdminRequest.listCollections(client));
  }

  /** The collections an alias points to; none when there is no such alias. */
  List<String> aliasTargets(String alias) throws SolrServerException, IOException {
    Map<String, List<String>> aliases =
        new CollectionAdminRequest.ListAliases().process(client).getAliasesAsLists();
    return aliases.getOrDefault(alias, List.of());
  }

  /** Whether the cluster has a configset of that name. */
  boolean hasConfigset(String name) throws SolrServerException, IOException {
    return new ConfigSetAdminRequest.List().process(client).getConfigSets().contains(name);
  }

  /**
   * Uploads the configset unless the cluster has it.
   *
   * @return whether it was uploaded
   */
  boolean ensureConfigset(SolrConfigset configset) throws SolrServerException, IOException {
    if (hasConfigset(configset.name())) {
      return false;
    }
    try {
      new ConfigSetAdminRequest.Upload()
          .setConfigSetName(configset.name())
          .setUploadStream(
              new ContentStreamBase.ByteArrayStream(
                  configset.zip(), configset.name() + ".zip", "application/octet-stream"))
          .process(client);
      return true;
    } catch (RuntimeException e) {
      // Another rebuild may have uploaded the same files (so the same name) meanwhile.
      if (hasConfigset(configset.name())) {
        return false;
      }
      throw e;
    }
  }

  void create(String collection, String configset, int shards, int replicas)
      throws SolrServerException, IOException {
    check(
        CollectionAdminRequest.createCollection(collection, configset, shards, replicas)
            .process(client),
        "create collection " + collection);
  }

  void delete(String collection) throws SolrServerException, IOException {
    check(
        CollectionAdminRequest.deleteCollection(collection).process(client),
        "delete collection " + collection);
  }

  /** Points the alias at the collection; CREATEALIAS replaces an existing alias atomically. */
  void moveAlias(String alias, String collection) throws SolrServerException, IOException {
    check(
        CollectionAdminRequest.createAlias(alias, collection).process(client),
        "point alias " + alias + " at " + collection);
  }

  /** How many documents the collection holds, as its searchers see them. */
  long count(String collection) throws SolrServerException, IOException {
    return client.query(collection, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
  }

  /**
   * Solr reports some failures of a collection command (one replica that could not be created) in a
   * successful response.
   */
  private static void check(CollectionAdminResponse response, String what) throws IOException {
    if (response.getErrorMessages() != null && response.getErrorMessages().size() > 0) {
      throw new IOException(
          "could not " + what + ": " + response.getErrorMessages().getVal(0).strip());
    }
  }
}
