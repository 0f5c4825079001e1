package pullquote.index.solr;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.SolrException;

/**
 * Says in one line what went wrong between pullquote and a Solr cluster, for an operator: the
 * cluster cannot be reached, it wants credentials, or what Solr answered. SolrJ's exceptions wrap
 * one another several deep, and their outermost message is often a retry notice.
 */
public final class SolrFailures {

  private static final int LONGEST = 400;

  private SolrFailures() {}

  /**
   * Like {@link #describe}, but when the failure is CloudSolrClient's "Failed fetching live_nodes",
   * which carries no cause (a refused connection and a refused password read the same), asks each
   * node once more with a plain client to say which it was.
   */
  public static String diagnose(Throwable failure, List<String> urls) {
    if (String.valueOf(failure.getMessage()).contains("live_nodes")) {
      for (String url : urls) {
        try (SolrClient node =
            new HttpJdkSolrClient.Builder(url)
                .useHttp1_1(true) // as SolrConnection's client does
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                .withRequestTimeout(10, TimeUnit.SECONDS)
                .build()) {
          CollectionAdminRequest.listCollections(node);
        } catch (SolrServerException | IOException | RuntimeException e) {
          return describe(e, urls);
        }
      }
    }
    return describe(failure, urls);
  }

  public static String describe(Throwable failure, List<String> urls) {
    String where = String.join(",", urls);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SolrException solr && (solr.code() == 401 || solr.code() == 403)) {
        return "the Solr cluster at "
            + where
            + " refused the request (HTTP "
            + solr.code()
            + (solr.code() == 401 ? ", it needs credentials" : ", forbidden")
            + "); pullquote sends none";
      }
      if (unreachable(t)) {
        return "cannot reach the Solr cluster at "
            + where
            + ": no node answered ("
            + firstLine(t)
            + ")";
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SolrException solr) {
        return "the Solr cluster at " + where + " answered: " + firstLine(solr);
      }
    }
    return firstLine(failure);
  }

  private static boolean unreachable(Throwable t) {
    return t instanceof ConnectException
        || t instanceof NoRouteToHostException
        || t instanceof UnknownHostException
        || t instanceof HttpTimeoutException
        || t instanceof ClosedChannelException
        || t instanceof UnresolvedAddressException;
  }

  private static String firstLine(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    String line = message.strip().lines().findFirst().orElse("").strip();
    return line.length() > LONGEST ? line.substring(0, LONGEST) + "…" : line;
  }
}
