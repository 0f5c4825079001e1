package pullquote.search;

/**
 * A request parameter that cannot be used as given. Carries the API's stable error code, the
 * parameter's name and a message a person can act on.
 */
public final class InvalidParameterException extends RuntimeException {

  /** The value is not of the parameter's kind (sentiment=happy, from=yesterday, size=ten). */
  public static final String INVALID_VALUE = "invalid_value";

  /** The value is of the right kind but outside what is allowed (size=0, page=0). */
  public static final String OUT_OF_RANGE = "out_of_range";

  /** The cursor is not one this API made, or was made for another sort. */
  public static final String INVALID_CURSOR = "invalid_cursor";

  /** The request names a parameter the route does not have. */
  public static final String UNKNOWN_PARAMETER = "unknown_parameter";

  private final String code;
  private final String parameter;

  public InvalidParameterException(String code, String parameter, String message) {
    super(message);
    this.code = code;
    this.parameter = parameter;
  }

  public String code() {
    return code;
  }

  public String parameter() {
    return parameter;
  }
}
