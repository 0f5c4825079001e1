package pullquote.search;

/**
 * Nothing can be searched right now: no index was ever built, one is still opening, or the cluster
 * holding the collection cannot be reached. The API answers 503 {@code index_unavailable}.
 */
public final class SearchUnavailableException extends RuntimeException {
  public SearchUnavailableException(String message) {
    super(message);
  }
}
