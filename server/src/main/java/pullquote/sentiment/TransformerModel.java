package pullquote.sentiment;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The accurate tier's encoder: all-MiniLM-L6-v2 fine-tuned on critic excerpts
 * (training/transformer) with int8 weights, run by ONNX Runtime in the JVM. Gives two log-odds per
 * text, polarity (positive against negative) and mixed (mixed against the rest), which are added to
 * the linear model's. One session serves every thread (ONNX Runtime's run is thread-safe); each run
 * takes one thread, so the indexer's writer threads do not fight over the cores.
 *
 * <p>The model is a directory the training pipeline writes (model.onnx, about 23 MB, tokenizer.json
 * and manifest.json): too large for the repository, so it is installed beside pullquote ({@link
 * #INSTALLED}) or named with {@code --transformer DIR}. Nothing is downloaded.
 */
public final class TransformerModel implements AutoCloseable {

  /** Where a trained model is looked for, relative to pullquote's own directory. */
  public static final String INSTALLED = "models/transformer";

  /** Whether the directory holds the three files of a model (not whether they are sound). */
  public static boolean isInstalledIn(Path dir) {
    return List.of("manifest.json", "tokenizer.json", "model.onnx").stream()
        .allMatch(name -> Files.isRegularFile(dir.resolve(name)));
  }

  /**
   * What the training pipeline wrote beside the model: how long a text it reads and the cuts of the
   * three-class decision over the summed log-odds, tuned on the dev split.
   */
  public record Manifest(
      int maxLength,
      double mixedScale,
      double mixedThreshold,
      double positiveCut,
      double negativeCut,
      String sha256,
      String description) {
    public Manifest {
      if (maxLength < 2 || maxLength > 512) {
        throw new IllegalArgumentException("max_length must be within 2-512: " + maxLength);
      }
      if (!(negativeCut <= positiveCut)
          || mixedThreshold <= 0
          || mixedThreshold >= 1
          || !(mixedScale > 0)) {
        throw new IllegalArgumentException("the decision's cuts are out of order");
      }
    }
  }

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final WordPieceTokenizer tokenizer;
  private final Manifest manifest;

  private TransformerModel(
      OrtEnvironment environment,
      OrtSession session,
      WordPieceTokenizer tokenizer,
      Manifest manifest) {
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
    this.manifest = manifest;
  }

  /** A model directory as the training pipeline writes it: model.onnx, tokenizer.json, manifest. */
  public static TransformerModel read(Path dir) {
    return load("the transformer model in " + dir, name -> Files.readAllBytes(dir.resolve(name)));
  }

  private interface ModelFiles {
    byte[] read(String name) throws IOException;
  }

  /**
   * Loads and checks the three files; anything wrong is one sentence in an {@link
   * IllegalStateException}, naming the file and what is wrong with it.
   */
  private static TransformerModel load(String what, ModelFiles files) {
    String file = "manifest.json";
    try {
      Manifest manifest = manifest(files.read(file));
      file = "tokenizer.json";
      WordPieceTokenizer tokenizer =
          WordPieceTokenizer.read(new ByteArrayInputStream(files.read(file)));
      file = "model.onnx";
      byte[] model = files.read(file);
      String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));
      if (!sum.equals(manifest.sha256())) {
        throw new IOException(
            "its checksum is not the manifest's: the file is damaged or not the" + " one trained");
      }
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // The int8 weights are for the file's size: folded into float32 once at load (constant
        // folding skips DequantizeLinear while QDQ optimisations are on), rather than
        // dequantised again at every run.
        options.addConfigEntry("session.disable_quant_qdq", "1");
        return new TransformerModel(
            environment, environment.createSession(model, options), tokenizer, manifest);
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalStateException(what + " cannot be read: " + file + " is missing");
    } catch (IOException | OrtException | RuntimeException | NoSuchAlgorithmException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new IllegalStateException(
          what + " cannot be read: " + file + ": " + reason.lines().findFirst().orElse(""), e);
    }
  }

  private static Manifest manifest(byte[] json) throws IOException {
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
    return new Manifest(
        root.path("max_length").asInt(),
        decision.path("mixed_scale").asDouble(),
        decision.path("mixed_threshold").asDouble(),
        decision.path("positive_cut").asDouble(),
        decision.path("negative_cut").asDouble(),
        root.path("sha256").asText(),
        root.path("base_model").path("name").asText("?")
            + " fine-tuned, "
            + root.path("quantisation").asText(""));
  }

  public Manifest manifest() {
    return manifest;
  }

  /** The ids the model reads for a text (for the parity test with the training pipeline). */
  int[] ids(String text) {
    return tokenizer.encode(text, manifest.maxLength());
  }

  /** The log-odds of each text, computed in one batch padded to its longest text. */
  public List<LogOdds> logits(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    int[][] ids = texts.stream().map(this::ids).toArray(int[][]::new);
    int longest = 0;
    for (int[] row : ids) {
      longest = Math.max(longest, row.length);
    }
    long[] flatIds = new long[ids.length * longest];
    long[] mask = new long[ids.length * longest];
    for (int i = 0; i < ids.length; i++) {
      for (int j = 0; j < ids[i].length; j++) {
        flatIds[i * longest + j] = ids[i][j];
        mask[i * longest + j] = 1;
      }
    }
    long[] shape = {ids.length, longest};
    try (OnnxTensor input = OnnxTensor.createTensor(environment, LongBuffer.wrap(flatIds), shape);
        OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OrtSession.Result result =
            session.run(Map.of("input_ids", input, "attention_mask", attention))) {
      float[][] out = (float[][]) result.get(0).getValue();
      return java.util.Arrays.stream(out).map(r -> new LogOdds(r[0], r[1])).toList();
    } catch (OrtException e) {
      throw new IllegalStateException("the transformer model failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // closing at exit: nothing left to save
    }
  }
}
