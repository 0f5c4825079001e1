package pullquote.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the training pipeline wrote beside the transformer model (its manifest.json): how long a
 * text it reads, the cuts of the three-class decision over the summed log-odds (tuned on the dev
 * split), the model file's checksum, and the base's weights it reads, with their shapes.
 *
 * @param polarityPrior the log-odds of positive among the excerpts the polarity head was trained
 *     on, which its logit carries and the sum takes out (0 for models from before it did)
 */
public record TransformerManifest(
    int maxLength,
    Cuts cuts,
    double polarityPrior,
    String sha256,
    Map<String, long[]> baseWeights) {
  public TransformerManifest {
    if (maxLength < 2 || maxLength > 512) {
      throw new IllegalArgumentException("max_length must be within 2-512: " + maxLength);
    }
    if (!Double.isFinite(polarityPrior)) {
      throw new IllegalArgumentException("polarity_prior must be a number: " + polarityPrior);
    }
  }

  /**
   * The manifest in manifest.json's bytes.
   *
   * @throws IOException naming the first field it lacks
   */
  static TransformerManifest parse(byte[] json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    JsonNode decision = root.path("decision");
    for (String field : List.of("mixed_scale", "mixed_threshold", "positive_cut", "negative_cut")) {
      if (!decision.path(field).isNumber()) {
        throw new IOException("no decision." + field);
      }
    }
    if (!root.path("sha256").isTextual() || !root.path("max_length").isInt()) {
      throw new IOException("no sha256 or max_length");
    }
    Map<String, long[]> baseWeights = new LinkedHashMap<>();
    for (var entry : root.path("base_initializers").properties()) {
      long[] shape = new long[entry.getValue().size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = entry.getValue().get(i).asLong();
      }
      baseWeights.put(entry.getKey(), shape);
    }
    Cuts cuts =
        new Cuts(
            decision.path("mixed_scale").asDouble(),
            decision.path("mixed_threshold").asDouble(),
            decision.path("positive_cut").asDouble(),
            decision.path("negative_cut").asDouble(),
            decision.path("negative_threshold").asDouble(1));
    return new TransformerManifest(
        root.path("max_length").asInt(),
        cuts,
        decision.path("polarity_prior").asDouble(0),
        root.path("sha256").asText(),
        baseWeights);
  }
}
