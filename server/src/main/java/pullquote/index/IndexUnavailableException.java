package pullquote.index;

/** No index is open to answer from: none was ever built, or it could not be opened. */
public final class IndexUnavailableException extends RuntimeException {
  public IndexUnavailableException(String message) {
    super(message);
  }
}
