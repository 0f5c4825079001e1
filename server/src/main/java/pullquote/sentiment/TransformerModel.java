package pullquote.sentiment;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accurate tier's encoder: all-MiniLM-L6-v2 fine-tuned on critic excerpts
 * (training/transformer), run by ONNX Runtime in the JVM. Gives log-odds per text: polarity
 * (positive against negative) and mixed (mixed against the rest), which are added to the linear
 * model's, and negative (a score under 40 against the rest), which votes on the label. One session
 * serves every thread (ONNX Runtime's run is thread-safe); each run takes one thread, so the
 * indexer's writer threads do not fight over the cores. Its products by the base's matrices run in
 * int8 ({@link QuantisedGraph}), about twice as fast as in float32.
 *
 * <p>A model is two files the training pipeline writes: model.onnx (what fine-tuning changed, about
 * 1.5 MB, naming the base's frozen weights) and manifest.json. The bundled one is a resource of
 * pullquote's jar ({@link #BUNDLED}); a retrained one is a directory given with {@code
 * --transformer DIR}. The base's weights and tokenizer come from the Maven artifact ({@link
 * BaseModel}). Nothing is downloaded.
 */
public final class TransformerModel implements AutoCloseable {

  /** Where the bundled model is on the class path. */
  static final String BUNDLED = "/pullquote/sentiment/transformer/";

  /**
   * What the training pipeline wrote beside the model: how long a text it reads, the cuts of the
   * three-class decision over the summed log-odds (tuned on the dev split), the model file's
   * checksum, and the base's weights it reads, with their shapes.
   *
   * @param polarityPrior the log-odds of positive among the excerpts the polarity head was trained
   *     on, which its logit carries and the sum takes out (0 for models from before it did)
   */
  public record Manifest(
      int maxLength,
      Cuts cuts,
      double polarityPrior,
      String sha256,
      Map<String, long[]> baseWeights) {
    public Manifest {
      if (maxLength < 2 || maxLength > 512) {
        throw new IllegalArgumentException("max_length must be within 2-512: " + maxLength);
      }
      if (!Double.isFinite(polarityPrior)) {
        throw new IllegalArgumentException("polarity_prior must be a number: " + polarityPrior);
      }
    }
  }

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final List<OnnxTensor> baseWeights;
  private final WordPieceTokenizer tokenizer;
  private final Manifest manifest;
  private final int textsPerRun;

  private TransformerModel(
      OrtEnvironment environment,
      OrtSession session,
      List<OnnxTensor> baseWeights,
      WordPieceTokenizer tokenizer,
      Manifest manifest,
      int textsPerRun) {
    this.environment = environment;
    this.session = session;
    this.baseWeights = baseWeights;
    this.tokenizer = tokenizer;
    this.manifest = manifest;
    this.textsPerRun = textsPerRun;
  }

  /**
   * How the model computes: in 8-bit integers where it multiplies by the base's matrices (what the
   * product runs, {@link QuantisedGraph}), or all in float32 as the training pipeline does (what
   * the parity test compares).
   */
  public enum Precision {
    INT8,
    FLOAT32
  }

  /** The model bundled with pullquote, in int8. */
  public static TransformerModel bundled() {
    return bundled(Precision.INT8);
  }

  /** The model bundled with pullquote. */
  public static TransformerModel bundled(Precision precision) {
    return load(
        "the bundled transformer model",
        precision,
        name -> {
          try (var in = TransformerModel.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) {
              throw new java.nio.file.NoSuchFileException(name);
            }
            return in.readAllBytes();
          }
        });
  }

  /** A model directory as the training pipeline writes it (model.onnx, manifest.json), in int8. */
  public static TransformerModel read(Path dir) {
    return read(dir, Precision.INT8);
  }

  /** A model directory as the training pipeline writes it: model.onnx and manifest.json. */
  public static TransformerModel read(Path dir, Precision precision) {
    return load(
        "the transformer model in " + dir,
        precision,
        name -> Files.readAllBytes(dir.resolve(name)));
  }

  private interface ModelFiles {
    byte[] read(String name) throws IOException;
  }

  /**
   * Loads and checks the files and the base; anything wrong is one sentence in an {@link
   * IllegalStateException}, naming the file and what is wrong with it.
   */
  private static TransformerModel load(String what, Precision precision, ModelFiles files) {
    String file = "manifest.json";
    List<OnnxTensor> weights = new ArrayList<>();
    try {
      Manifest manifest = manifest(files.read(file));
      file = "model.onnx";
      byte[] model = files.read(file);
      String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));
      if (!sum.equals(manifest.sha256())) {
        throw new IOException(
            "its checksum is not the manifest's: the file is damaged or not the one trained");
      }
      file = BaseModel.ARTIFACT;
      WordPieceTokenizer tokenizer;
      try (var in = BaseModel.tokenizer()) {
        tokenizer = WordPieceTokenizer.read(in);
      }
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      file = "model.onnx";
      QuantisedGraph.Rewritten graph =
          precision == Precision.INT8
              ? QuantisedGraph.rewrite(model, QuantisedWeights.matrices(manifest.baseWeights()))
              : new QuantisedGraph.Rewritten(model, Set.of());
      file = BaseModel.ARTIFACT;
      Map<String, ai.onnxruntime.OnnxTensorLike> initializers =
          QuantisedWeights.tensors(environment, manifest.baseWeights(), graph.matrices(), weights);
      file = "model.onnx";
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.addExternalInitializers(initializers);
        return new TransformerModel(
            environment,
            environment.createSession(graph.model(), options),
            weights,
            tokenizer,
            manifest,
            precision == Precision.INT8 ? 1 : RUN);
      }
    } catch (java.nio.file.NoSuchFileException e) {
      weights.forEach(OnnxTensor::close);
      throw new IllegalStateException(what + " cannot be read: " + file + " is missing");
    } catch (IOException | OrtException | RuntimeException | NoSuchAlgorithmException e) {
      weights.forEach(OnnxTensor::close);
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
    Map<String, long[]> baseWeights = new java.util.LinkedHashMap<>();
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
    return new Manifest(
        root.path("max_length").asInt(),
        cuts,
        decision.path("polarity_prior").asDouble(0),
        root.path("sha256").asText(),
        baseWeights);
  }

  public Manifest manifest() {
    return manifest;
  }

  /** The ids the model reads for a text (for the parity test with the training pipeline). */
  int[] ids(String text) {
    return tokenizer.encode(text, manifest.maxLength());
  }

  /** Texts per run in {@link #outputsInRuns}, in float32. */
  private static final int RUN = 16;

  /**
   * {@link #outputs} for each text, in their order. In float32, in runs of {@value #RUN} texts of
   * like length: a batch is padded to its longest text, so sorting by length first spends little on
   * padding. In int8, one text a run: its input's scale is taken over the whole run, so a text run
   * with others would get log-odds that depend on them (and runs of 16 were no faster).
   */
  float[][] outputsInRuns(List<String> texts) {
    Integer[] byLength = new Integer[texts.size()];
    java.util.Arrays.setAll(byLength, i -> i);
    java.util.Arrays.sort(byLength, java.util.Comparator.comparingInt(i -> texts.get(i).length()));
    float[][] outputs = new float[texts.size()][];
    for (int from = 0; from < byLength.length; from += textsPerRun) {
      List<Integer> together =
          java.util.Arrays.asList(byLength)
              .subList(from, Math.min(from + textsPerRun, byLength.length));
      float[][] ran = outputs(together.stream().map(texts::get).toList());
      for (int i = 0; i < together.size(); i++) {
        outputs[together.get(i)] = ran[i];
      }
    }
    return outputs;
  }

  /**
   * Every output of the model for each text (the manifest's outputs, in its order: polarity, mixed
   * and negative log-odds), computed in one batch padded to its longest text.
   */
  float[][] outputs(List<String> texts) {
    if (texts.isEmpty()) {
      return new float[0][];
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
      return (float[][]) result.get(0).getValue();
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
    baseWeights.forEach(OnnxTensor::close);
  }
}
