package pullquote.sentiment;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
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
import java.util.Optional;

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
 * BaseModel}). Nothing is downloaded. What a load makes of them is kept for the next load ({@link
 * PreparedCache}).
 */
public final class TransformerModel implements AutoCloseable {

  /** Where the bundled model is on the class path. */
  static final String BUNDLED = "/pullquote/sentiment/transformer/";

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final List<OnnxTensor> baseWeights;
  private final WordPieceTokenizer tokenizer;
  private final TransformerManifest manifest;
  private final int textsPerRun;

  private TransformerModel(
      OrtEnvironment environment,
      OrtSession session,
      List<OnnxTensor> baseWeights,
      WordPieceTokenizer tokenizer,
      TransformerManifest manifest,
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

  /**
   * The model bundled with pullquote; in int8, kept ready beside the base ({@link PreparedCache}).
   */
  public static TransformerModel bundled(Precision precision) {
    return bundled(precision, PreparedCache.besideBase());
  }

  /** The model bundled with pullquote, its int8 weights kept in {@code cache} when there is one. */
  static TransformerModel bundled(Precision precision, Optional<PreparedCache> cache) {
    return load(
        "the bundled transformer model",
        precision,
        cache,
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
    return read(dir, precision, PreparedCache.besideBase());
  }

  /** A model directory, its int8 weights kept in {@code cache} when there is one. */
  static TransformerModel read(Path dir, Precision precision, Optional<PreparedCache> cache) {
    return load(
        "the transformer model in " + dir,
        precision,
        cache,
        name -> Files.readAllBytes(dir.resolve(name)));
  }

  private interface ModelFiles {
    byte[] read(String name) throws IOException;
  }

  /**
   * Loads and checks the files and the base; anything wrong is one sentence in an {@link
   * IllegalStateException}, naming the file and what is wrong with it.
   */
  private static TransformerModel load(
      String what, Precision precision, Optional<PreparedCache> cache, ModelFiles files) {
    String file = "manifest.json";
    List<OnnxTensor> weights = new ArrayList<>();
    try {
      byte[] manifestJson = files.read(file);
      TransformerManifest manifest = TransformerManifest.parse(manifestJson);
      file = "model.onnx";
      byte[] model = files.read(file);
      Optional<String> key = cacheKey(manifestJson, model, precision, cache);
      PreparedModel prepared =
          key.flatMap(k -> cache.get().read(manifest.sha256(), k)).orElse(null);
      if (prepared == null) {
        checkSum(model, manifest);
        QuantisedGraph.Rewritten graph =
            PreparedModel.graph(model, manifest.baseWeights(), precision == Precision.INT8);
        file = BaseModel.ARTIFACT;
        PreparedModel made = PreparedModel.prepare(graph, manifest.baseWeights());
        key.ifPresent(k -> cache.get().write(manifest.sha256(), k, made));
        prepared = made;
      }
      WordPieceTokenizer tokenizer = prepared.tokenizer();
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      Map<String, ai.onnxruntime.OnnxTensorLike> initializers =
          prepared.tensors(environment, weights);
      file = "model.onnx";
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.addExternalInitializers(initializers);
        return new TransformerModel(
            environment,
            environment.createSession(prepared.graph(), options),
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

  private static void checkSum(byte[] model, TransformerManifest manifest)
      throws IOException, NoSuchAlgorithmException {
    String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));
    if (!sum.equals(manifest.sha256())) {
      throw new IOException(
          "its checksum is not the manifest's: the file is damaged or not the one trained");
    }
  }

  /**
   * What names what an int8 load makes ({@link PreparedCache}): the manifest and the model file, by
   * their CRC-32s (the cache is only written once the model's checksum held, so a hit spares
   * computing it again, and a file changed since misses), the base, how matrices are rounded and
   * the code that makes it ({@link PreparedCache#codeIdentity}). Empty in float32, without a cache,
   * or when the base is not in a jar (nothing then names it cheaply).
   */
  private static Optional<String> cacheKey(
      byte[] manifest, byte[] model, Precision precision, Optional<PreparedCache> cache) {
    if (precision != Precision.INT8 || cache.isEmpty()) {
      return Optional.empty();
    }
    String files = "manifest.json " + crc32(manifest) + " model.onnx " + crc32(model);
    return BaseModel.identity()
        .map(
            base ->
                String.join(
                    "; ",
                    files,
                    base,
                    "int8/" + QuantisedWeights.LEVELS,
                    PreparedCache.codeIdentity()));
  }

  private static String crc32(byte[] bytes) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes);
    return bytes.length + ":" + Long.toHexString(crc.getValue());
  }

  public TransformerManifest manifest() {
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
