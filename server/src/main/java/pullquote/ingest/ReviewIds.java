package pullquote.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives reviews ids that stay the same across rebuilds of the same input: the export's own id when
 * it has a usable one, else a hash of what the review says. A repeat within one build gets a
 * numbered suffix, so every id names one review.
 */
final class ReviewIds {

  private static final Pattern USABLE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

  private final Set<String> issued = new HashSet<>();

  String assign(RawReview review) {
    String base =
        review.sourceId() != null && USABLE_ID.matcher(review.sourceId()).matches()
            ? review.sourceId()
            : contentHash(review);
    String id = base;
    for (int n = 2; !issued.add(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  private static String contentHash(RawReview review) {
    String key =
        String.join(
            "\u0000",
            review.work(),
            String.valueOf(review.critic()),
            String.valueOf(review.publication()),
            review.text());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "r" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
