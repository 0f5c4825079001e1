package pullquote.index.solr;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;

/**
 * Where pullquote meets a SolrCloud cluster: its nodes' base URLs and the collection's name (the
 * alias every rebuild moves), and the one way a client to it is made.
 *
 * @param urls base URLs of one or more nodes, {@code http://HOST:PORT/solr}; the client reads the
 *     cluster's state from any of them
 * @param collection the name searched: an alias to the newest complete generation
 */
public record SolrConnection(List<String> urls, String collection) {

  /** What a name may be: Solr's own rule for collections and aliases. */
  private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";

  public SolrConnection {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("--solr needs at least one node URL");
    }
    for (String url : urls) {
      URI uri = parse(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "--solr takes node URLs such as http://127.0.0.1:8983/solr; got '" + url + "'");
      }
    }
    if (collection == null || !collection.matches(NAME)) {
      throw new IllegalArgumentException(
          "--collection takes a name of letters, digits, '.', '_' and '-'; got '"
              + collection
              + "'");
    }
  }

  /** From the command line's comma-separated {@code --solr} value. */
  public static SolrConnection of(String urls, String collection) {
    List<String> list = new ArrayList<>();
    for (String url : urls.split(",")) {
      if (!url.isBlank()) {
        list.add(url.strip().replaceAll("/+$", ""));
      }
    }
    return new SolrConnection(list, collection);
  }

  private static URI parse(String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--solr takes node URLs such as http://127.0.0.1:8983/solr; got '" + url + "'");
    }
  }

  /**
   * A client for the cluster over the JDK's HTTP client (SolrJ 10 needs no Jetty for it). Requests
   * that take longer than {@code requestTimeoutSeconds} fail rather than pin a thread.
   *
   * <p>HTTP/1.1: over plain http the JDK client's HTTP/2 means an h2c upgrade, which Jetty refuses
   * for a request with a body, so SolrJ first sends a HEAD that Solr logs as an error ("missing
   * content stream", SOLR-17589); and a rebuild's first POST (the configset upload) failed with
   * "EOF reached while reading" against a fresh Solr 9.10 cluster. HTTP/1.1 has neither.
   */
  public CloudSolrClient client(int requestTimeoutSeconds) {
    return new CloudSolrClient.Builder(urls)
        .withHttpClientBuilder(
            new HttpJdkSolrClient.Builder()
                .useHttp1_1(true)
                .withExecutor(httpExecutor())
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                .withRequestTimeout(requestTimeoutSeconds, TimeUnit.SECONDS))
        .build();
  }

  /**
   * The threads of the JDK client and of SolrJ's request bodies. SolrJ 10.0.0's own pool is four
   * threads in front of a queue of 1,024, so it never grows past four: each request's body is
   * written into a pipe by one of them while the HTTP client, on the same pool, reads the other
   * end, and four update requests at once (two sending threads, two shards) left no thread to read:
   * every request hung (SOLR-18312, fixed after 10.0.0). A pool that grows as needed cannot starve;
   * its threads are daemons and end a minute after their last task, so the client need not shut it
   * down.
   */
  private static ExecutorService httpExecutor() {
    return Executors.newCachedThreadPool(
        Thread.ofPlatform().daemon().name("solr-http-", 0).factory());
  }
}
