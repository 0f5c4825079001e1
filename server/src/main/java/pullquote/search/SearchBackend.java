package pullquote.search;

/**
 * Where reviews are searched: the local Lucene index or a SolrCloud collection. A command gets one
 * from the factory that reads its command line and never names which it is.
 */
public interface SearchBackend extends AutoCloseable {

  /** The service that answers searches from this backend. */
  ReviewSearchService service();

  /**
   * Makes the backend ready to answer: opens what it serves, and from then on picks up rebuilds.
   * Until it returns, searches throw {@link SearchUnavailableException}.
   *
   * @throws SearchUnavailableException when there is nothing to serve or it cannot be opened; the
   *     message says what to do, for the operator
   */
  void open();

  /** What is served, for the operator: a directory, or a collection on a cluster. */
  String describe();

  /** Stops picking up rebuilds and releases what the backend holds. */
  @Override
  void close();
}
