package pullquote.sentiment;

import static ai.onnxruntime.OnnxJavaType.FLOAT;
import static ai.onnxruntime.OnnxJavaType.INT8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file an int8 load keeps what it made in: read back as written; passed over when damaged, cut
 * short, made under another key or with a header pointing outside it; never an error when it cannot
 * be written; a few models' files kept at most. And through the model itself: a load from the cache
 * gives the very log-odds of a load without it and does read what the cache holds, a changed
 * manifest makes it afresh, and a model file damaged since the cache was written is still the one
 * sentence it was.
 */
class PreparedCacheTest {

  private static final String KEY = "model 1; base 2; int8/127";
  private static final String SHA = "41768b839f7399ff0123456789abcdef";

  @Test
  void whatALoadKeptIsReadBackAsItWasWritten(@TempDir Path dir) {
    PreparedCache cache = new PreparedCache(dir);
    PreparedModel written = small(3f);
    cache.write(SHA, KEY, written);

    assertThat(cache.file(SHA)).exists();
    PreparedModel read = cache.read(SHA, KEY).orElseThrow();
    assertThat(read.graph()).containsExactly(written.graph());
    assertThat(read.vocabulary()).isEqualTo(written.vocabulary());
    assertThat(read.weights().keySet()).containsExactlyElementsOf(written.weights().keySet());
    assertThat(read.weights().get("m:int8").type()).isEqualTo(INT8);
    assertThat(read.weights().get("m:int8").shape()).containsExactly(2, 3);
    assertThat(bytes(read.weights().get("m:int8"))).containsExactly(-127, 0, 5, 127, -3, 64);
    assertThat(floats(read.weights().get("m:scale"))).containsExactly(0.5f, 3f, 0.25f);
    assertThat(floats(read.weights().get("bias"))).containsExactly(1.5f, -2f);
  }

  @Test
  void aFileDamagedCutShortMadeUnderAnotherKeyOrMissingIsNotRead(@TempDir Path dir)
      throws IOException {
    PreparedCache cache = new PreparedCache(dir);
    assertThat(cache.read(SHA, KEY)).isEmpty();
    cache.write(SHA, KEY, small(3f));
    assertThat(cache.read(SHA, "model 1; base 3; int8/127")).isEmpty();

    Path file = cache.file(SHA);
    byte[] whole = Files.readAllBytes(file);
    byte[] damaged = whole.clone();
    damaged[whole.length / 2] ^= 1;
    Files.write(file, damaged);
    assertThat(cache.read(SHA, KEY)).isEmpty();
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 1));
    assertThat(cache.read(SHA, KEY)).isEmpty();
    Files.write(file, new byte[0]);
    assertThat(cache.read(SHA, KEY)).isEmpty();

    cache.write(SHA, KEY, small(3f)); // replaced by the next load that makes it
    assertThat(cache.read(SHA, KEY)).isPresent();
  }

  @Test
  void aWholeFileWhoseHeaderPointsOutsideItIsNotRead(@TempDir Path dir) throws IOException {
    PreparedCache cache = new PreparedCache(dir);
    cache.write(SHA, KEY, small(3f));
    Path file = cache.file(SHA);
    byte[] whole = Files.readAllBytes(file);
    int graphOffset = 16 + KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    // Each with its CRC-32 made right again, as a writer with another layout would leave it.
    for (int[] change :
        new int[][] {
          {8, Integer.MAX_VALUE},
          {12, Integer.MAX_VALUE},
          {12, -5},
          {graphOffset, whole.length + 64},
          {graphOffset + 8, Integer.MAX_VALUE}
        }) {
      ByteBuffer changed = ByteBuffer.wrap(whole.clone()).order(ByteOrder.LITTLE_ENDIAN);
      changed.putInt(change[0], change[1]);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(changed.array(), 0, whole.length - 8);
      changed.putLong(whole.length - 8, crc.getValue());
      Files.write(file, changed.array());
      assertThat(cache.read(SHA, KEY)).as("int %d at %d", change[1], change[0]).isEmpty();
    }
  }

  @Test
  void aDirectoryThatCannotBeWrittenIsNoErrorAndLeavesNothing(@TempDir Path dir)
      throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("a-file"), "x");
    PreparedCache cache = new PreparedCache(notADirectory.resolve("cache"));
    cache.write(SHA, KEY, small(3f));
    assertThat(cache.read(SHA, KEY)).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(notADirectory);
    }
  }

  @Test
  void onlyTheModelsWrittenLastAreKept(@TempDir Path dir) throws IOException {
    PreparedCache cache = new PreparedCache(dir);
    List<String> models = List.of("aaaa", "bbbb", "cccc", "dddd", "eeee");
    for (int i = 0; i < models.size(); i++) {
      cache.write(models.get(i), KEY, small(3f));
      Files.setLastModifiedTime(cache.file(models.get(i)), FileTime.fromMillis(1_000_000L * i));
    }
    Path stale = Files.writeString(dir.resolve("pullquote-transformer-123.tmp"), "half");
    Files.setLastModifiedTime(stale, FileTime.fromMillis(0));
    cache.write("ffff", KEY, small(3f));

    assertThat(stale).doesNotExist();
    assertThat(PreparedCache.KEPT).isEqualTo(3);
    for (String model : List.of("aaaa", "bbbb", "cccc")) {
      assertThat(cache.file(model)).as(model).doesNotExist();
    }
    for (String model : List.of("dddd", "eeee", "ffff")) {
      assertThat(cache.file(model)).as(model).exists();
    }
  }

  @Test
  void aLoadFromTheCacheHasTheLogOddsOfALoadWithoutItAndReadsWhatTheCacheHolds(@TempDir Path dir)
      throws IOException {
    List<String> texts = PinnedSample.read().texts();
    PreparedCache cache = new PreparedCache(dir);
    float[][] without;
    try (var model = TransformerModel.bundled(TransformerModel.Precision.INT8, Optional.empty())) {
      without = model.outputsInRuns(texts);
    }
    Optional<PreparedCache> kept = Optional.of(cache);
    try (var writing = TransformerModel.bundled(TransformerModel.Precision.INT8, kept)) {
      assertThat(writing.outputsInRuns(texts)).isDeepEqualTo(without);
    }
    String sha = writing(dir);
    try (var reading = TransformerModel.bundled(TransformerModel.Precision.INT8, kept)) {
      assertThat(reading.outputsInRuns(texts)).isDeepEqualTo(without);
    }

    // The same file with every column scale of every matrix doubled: the load takes the cache's.
    String key = keyIn(cache.file(sha));
    PreparedModel held = cache.read(sha, key).orElseThrow();
    Map<String, PreparedModel.Weight> doubled = new LinkedHashMap<>(held.weights());
    doubled.replaceAll(
        (name, weight) -> name.endsWith(QuantisedGraph.SCALES) ? scaled(weight, 2f) : weight);
    cache.write(sha, key, new PreparedModel(held.graph(), doubled, held.vocabulary()));
    try (var reading = TransformerModel.bundled(TransformerModel.Precision.INT8, kept)) {
      assertThat(reading.outputsInRuns(texts)[0]).isNotEqualTo(without[0]);
    }
  }

  @Test
  void aModelFileDamagedAfterTheCacheWasWrittenIsStillOneSentence(@TempDir Path dir)
      throws IOException {
    Path model = Files.createDirectory(dir.resolve("model"));
    for (String name : List.of("manifest.json", "model.onnx")) {
      try (var in = getClass().getResourceAsStream(TransformerModel.BUNDLED + name)) {
        Files.copy(in, model.resolve(name));
      }
    }
    Optional<PreparedCache> cache = Optional.of(new PreparedCache(dir.resolve("cache")));
    TransformerModel.read(model, TransformerModel.Precision.INT8, cache).close();
    assertThat(writing(dir.resolve("cache"))).isNotEmpty();
    Path onnx = model.resolve("model.onnx");
    byte[] whole = Files.readAllBytes(onnx);
    whole[whole.length / 2] ^= 1;
    Files.write(onnx, whole);

    assertThatThrownBy(() -> TransformerModel.read(model, TransformerModel.Precision.INT8, cache))
        .hasMessage(
            "the transformer model in "
                + model
                + " cannot be read: model.onnx: its checksum is not the manifest's: the file is"
                + " damaged or not the one trained");
  }

  @Test
  void aChangedManifestMakesItAfreshUnderANewKey(@TempDir Path dir) throws IOException {
    Path model = Files.createDirectory(dir.resolve("model"));
    for (String name : List.of("manifest.json", "model.onnx")) {
      try (var in = getClass().getResourceAsStream(TransformerModel.BUNDLED + name)) {
        Files.copy(in, model.resolve(name));
      }
    }
    Path kept = dir.resolve("cache");
    Optional<PreparedCache> cache = Optional.of(new PreparedCache(kept));
    TransformerModel.read(model, TransformerModel.Precision.INT8, cache).close();
    Path file = cache.get().file(writing(kept));
    String before = keyIn(file);
    assertThat(before).contains("manifest.json ", "model.onnx ", BaseModel.ARTIFACT, "code ");

    Path manifest = model.resolve("manifest.json");
    Files.writeString(manifest, Files.readString(manifest) + "\n");
    TransformerModel.read(model, TransformerModel.Precision.INT8, cache).close();

    assertThat(keyIn(file)).isNotEqualTo(before);
  }

  /** The model checksum's prefix of the one file in the directory. */
  private static String writing(Path dir) throws IOException {
    try (Stream files = new Stream(dir)) {
      String name = files.only().getFileName().toString();
      return name.substring("pullquote-transformer-".length(), name.length() - ".int8".length());
    }
  }

  /** The key a file was written under (its header's first string). */
  private static String keyIn(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    byte[] key = new byte[bytes.getInt(12)];
    bytes.get(16, key);
    return new String(key, java.nio.charset.StandardCharsets.UTF_8);
  }

  private record Stream(java.util.stream.Stream<Path> files) implements AutoCloseable {
    Stream(Path dir) throws IOException {
      this(Files.list(dir));
    }

    Path only() {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }

    @Override
    public void close() {
      files.close();
    }
  }

  private static PreparedModel small(float scale) {
    Map<String, PreparedModel.Weight> weights = new LinkedHashMap<>();
    ByteBuffer values = ByteBuffer.allocateDirect(6).put(new byte[] {-127, 0, 5, 127, -3, 64});
    weights.put("m:int8", new PreparedModel.Weight(INT8, new long[] {2, 3}, values.flip()));
    weights.put(
        "m:scale", new PreparedModel.Weight(FLOAT, new long[] {3}, direct(0.5f, scale, 0.25f)));
    weights.put("bias", new PreparedModel.Weight(FLOAT, new long[] {2}, direct(1.5f, -2f)));
    return new PreparedModel(
        new byte[] {8, 7, 18, 3, 'a', 'b', 'c'},
        weights,
        Map.of("[CLS]", 101, "élan", 7, "##s", 3));
  }

  private static PreparedModel.Weight scaled(PreparedModel.Weight weight, float factor) {
    float[] values = floats(weight);
    for (int i = 0; i < values.length; i++) {
      values[i] *= factor;
    }
    return new PreparedModel.Weight(FLOAT, weight.shape(), direct(values));
  }

  private static ByteBuffer direct(float... values) {
    ByteBuffer bytes = ByteBuffer.allocateDirect(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return bytes;
  }

  private static byte[] bytes(PreparedModel.Weight weight) {
    ByteBuffer data = weight.data().duplicate();
    byte[] out = new byte[data.remaining()];
    data.get(out);
    return out;
  }

  private static float[] floats(PreparedModel.Weight weight) {
    FloatBuffer data = weight.floats();
    float[] out = new float[data.remaining()];
    data.get(out);
    return out;
  }
}
