package pullquote.index.solr;

/** A rebuild that failed, with one line for the operator; the alias was not moved. */
public final class SolrRebuildException extends Exception {

  public SolrRebuildException(String message) {
    super(message);
  }

  public SolrRebuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
