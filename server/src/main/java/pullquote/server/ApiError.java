package pullquote.server;

/**
 * The API's error body: {@code {"error": {"code": ..., "message": ..., "parameter": ...}}}.
 *
 * @param parameter the request parameter at fault, or null
 */
public record ApiError(Body error) {

  public record Body(String code, String message, String parameter) {}

  public static ApiError of(String code, String message, String parameter) {
    return new ApiError(new Body(code, message, parameter));
  }
}
