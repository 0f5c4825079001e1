package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled transformer in float32 against what the training pipeline computed for the same
 * model: the same ids and, to 1e-4, the same log-odds for pinned texts (written for this test, none
 * from a corpus), one at a time and batched (int8, as the product runs it: QuantisedGraphTest); and
 * a damaged or missing file, or a base that is not the one trained on, said in one sentence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransformerModelTest {

  private TransformerModel model;
  private List<String> texts;
  private List<int[]> ids;
  private List<double[]> logits;

  @BeforeAll
  void load() throws IOException {
    model = TransformerModel.bundled(TransformerModel.Precision.FLOAT32);
    PinnedSample sample = PinnedSample.read();
    texts = sample.texts();
    ids = sample.ids();
    logits = sample.logits();
  }

  @AfterAll
  void close() {
    if (model != null) {
      model.close();
    }
  }

  @Test
  void everyPinnedTextHasThePipelinesIdsAndLogOddsOneAtATime() {
    assertThat(texts).hasSizeGreaterThan(20);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(model.ids(texts.get(i))).as(texts.get(i)).containsExactly(ids.get(i));
      assertCloseTo(model.outputs(List.of(texts.get(i)))[0], i);
    }
  }

  private void assertCloseTo(float[] outputs, int i) {
    assertThat(outputs).as(texts.get(i)).hasSameSizeAs(logits.get(i));
    for (int k = 0; k < outputs.length; k++) {
      assertThat((double) outputs[k]).as(texts.get(i)).isCloseTo(logits.get(i)[k], within(1e-4));
    }
  }

  @Test
  void aBatchPaddedToItsLongestTextGivesEachTextItsOwnLogOdds() {
    float[][] batch = model.outputs(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertCloseTo(batch[i], i);
    }
  }

  private Path copyOfBundled(Path dir) throws IOException {
    for (String name : List.of("manifest.json", "model.onnx")) {
      try (var in = getClass().getResourceAsStream(TransformerModel.BUNDLED + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    return dir;
  }

  @Test
  void theTrainingPriorTheSumTakesOutIsReadAndAnOlderManifestWithoutItTakesOutNothing(
      @TempDir Path dir) throws IOException {
    copyOfBundled(dir);
    // log(32,472 / 10,686): fresh against rotten among the training split's excerpts
    assertThat(TransformerModel.read(dir).manifest().polarityPrior()).isEqualTo(1.1114);
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(
        manifest, Files.readString(manifest).replace("\"polarity_prior\": 1.1114,", ""));
    assertThat(TransformerModel.read(dir).manifest().polarityPrior()).isZero();
  }

  @Test
  void aDamagedOrMissingModelFileIsOneSentenceNamingIt(@TempDir Path dir) throws IOException {
    copyOfBundled(dir);
    assertThat(TransformerModel.read(dir).manifest().maxLength()).isEqualTo(128);
    Path onnx = dir.resolve("model.onnx");
    byte[] whole = Files.readAllBytes(onnx);
    Files.write(onnx, java.util.Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> TransformerModel.read(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the transformer model in "
                + dir
                + " cannot be read: model.onnx: its checksum is not the manifest's: the file is"
                + " damaged or not the one trained");
    Files.delete(onnx);
    assertThatThrownBy(() -> TransformerModel.read(dir))
        .hasMessage("the transformer model in " + dir + " cannot be read: model.onnx is missing");
    Files.writeString(dir.resolve("manifest.json"), "{\"sha256\": 3");
    assertThatThrownBy(() -> TransformerModel.read(dir))
        .hasMessageStartingWith(
            "the transformer model in " + dir + " cannot be read: manifest.json: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aBaseThatIsNotTheOneTrainedOnIsOneSentence(@TempDir Path dir) throws IOException {
    copyOfBundled(dir);
    Path manifest = dir.resolve("manifest.json");
    String text = Files.readString(manifest);
    Files.writeString(
        manifest,
        text.replaceFirst(
            "\"embeddings.position_embeddings.weight\": \\[\\s*512,",
            "\"embeddings.position_embeddings.weight\": [511,"));
    assertThatThrownBy(() -> TransformerModel.read(dir))
        .hasMessage(
            "the transformer model in "
                + dir
                + " cannot be read: "
                + BaseModel.ARTIFACT
                + ": the base model "
                + BaseModel.ARTIFACT
                + " has weight embeddings.position_embeddings.weight of shape [512, 384], not"
                + " [511, 384]: not the base it was trained on");
    Files.writeString(manifest, text.replace("embeddings.position_embeddings.weight", "renamed"));
    assertThatThrownBy(() -> TransformerModel.read(dir))
        .hasMessageEndingWith("has no weight renamed: not the base it was trained on");
  }
}
