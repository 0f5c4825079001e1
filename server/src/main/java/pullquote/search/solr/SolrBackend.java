package pullquote.search.solr;

import java.time.Duration;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import pullquote.index.solr.SolrConnection;
import pullquote.search.Forgiveness;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchBackend;
import pullquote.search.SearchUnavailableException;

/**
 * A SolrCloud collection as a backend: a client for the cluster, and the alias that every rebuild
 * moves, so a rebuild is served as soon as the alias points to it, with nothing to poll.
 */
public final class SolrBackend implements SearchBackend {

  /** Beyond the search budget, how long a request to the cluster may take before it fails. */
  private static final int REQUEST_SLACK_SECONDS = 5;

  private final SolrConnection connection;
  private final CloudSolrClient client;
  private final SolrCollection collection;
  private final SolrReviewSearchService service;

  /** With the search box forgiving as by default. */
  public SolrBackend(SolrConnection connection, Duration budget) {
    this(connection, budget, Forgiveness.DEFAULT);
  }

  public SolrBackend(SolrConnection connection, Duration budget, Forgiveness forgiveness) {
    this.connection = connection;
    this.client = connection.client((int) budget.toSeconds() + REQUEST_SLACK_SECONDS);
    this.collection = new SolrCollection(client, connection.collection());
    this.service = new SolrReviewSearchService(collection, budget, forgiveness);
  }

  @Override
  public ReviewSearchService service() {
    return service;
  }

  /**
   * @throws SearchUnavailableException when the cluster cannot be reached or has no such collection
   */
  @Override
  public void open() {
    collection.requireExists();
  }

  @Override
  public String describe() {
    return "the SolrCloud collection " + connection.collection() + " on " + connection.urls();
  }

  @Override
  public void close() {
    client.close();
  }
}
