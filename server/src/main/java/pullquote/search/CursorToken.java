package pullquote.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The opaque form every backend's cursor takes in the API: its parts joined by a control character
 * and encoded as URL-safe base64, so a client passes it back untouched.
 */
public final class CursorToken {

  private static final char SEP = '\u001F';

  private CursorToken() {}

  public static String encode(List<String> parts) {
    String text = String.join(String.valueOf(SEP), parts);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws InvalidParameterException {@code invalid_cursor} when it is not one this API gave out
   *     with that many parts
   */
  public static List<String> decode(String cursor, int parts) {
    String[] split;
    try {
      split =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
              .split(String.valueOf(SEP), -1);
    } catch (IllegalArgumentException e) {
      throw notOurs();
    }
    if (split.length != parts) {
      throw notOurs();
    }
    return List.of(split);
  }

  public static InvalidParameterException invalid(String message) {
    return new InvalidParameterException(
        InvalidParameterException.INVALID_CURSOR, "cursor", message);
  }

  public static InvalidParameterException notOurs() {
    return invalid("the cursor is not one this API gave out");
  }
}
