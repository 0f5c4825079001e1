package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled transformer against what the training pipeline computed for the same model: the same
 * ids and, to 1e-4, the same log-odds for pinned texts (written for this test, none from a corpus),
 * one at a time and batched; and a damaged or missing file said in one sentence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransformerModelTest {

  private static final Path PINNED =
      Path.of("server/src/test/resources/fixtures/sentiment/transformer-pinned.jsonl");

  private TransformerModel model;
  private final List<String> texts = new ArrayList<>();
  private final List<int[]> ids = new ArrayList<>();
  private final List<double[]> logits = new ArrayList<>();

  /**
   * A trained model is too large for the repository: the tests run where one is installed (as
   * training/transformer/train.py leaves it), and are skipped, saying so, where none is.
   */
  static final Path INSTALLED = Path.of(TransformerModel.INSTALLED);

  @BeforeAll
  void load() throws IOException {
    Assumptions.assumeTrue(
        TransformerModel.isInstalledIn(INSTALLED), "no transformer model in " + INSTALLED);
    model = TransformerModel.read(INSTALLED);
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(PINNED)) {
      JsonNode row = json.readTree(line);
      texts.add(row.path("text").asText());
      ids.add(json.convertValue(row.path("ids"), int[].class));
      logits.add(json.convertValue(row.path("logits"), double[].class));
    }
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
      LogOdds odds = model.logits(List.of(texts.get(i))).getFirst();
      assertThat(odds.polarity()).as(texts.get(i)).isCloseTo(logits.get(i)[0], within(1e-4));
      assertThat(odds.mixed()).as(texts.get(i)).isCloseTo(logits.get(i)[1], within(1e-4));
    }
  }

  @Test
  void aBatchPaddedToItsLongestTextGivesEachTextItsOwnLogOdds() {
    List<LogOdds> batch = model.logits(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(batch.get(i).polarity())
          .as(texts.get(i))
          .isCloseTo(logits.get(i)[0], within(1e-4));
      assertThat(batch.get(i).mixed()).as(texts.get(i)).isCloseTo(logits.get(i)[1], within(1e-4));
    }
  }

  private Path copyOfBundled(Path dir) throws IOException {
    for (String name : List.of("manifest.json", "tokenizer.json", "model.onnx")) {
      Files.copy(INSTALLED.resolve(name), dir.resolve(name));
    }
    return dir;
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
    Files.delete(dir.resolve("tokenizer.json"));
    assertThatThrownBy(() -> TransformerModel.read(dir))
        .hasMessage(
            "the transformer model in " + dir + " cannot be read: tokenizer.json is missing");
    Files.writeString(dir.resolve("manifest.json"), "{\"sha256\": 3");
    assertThatThrownBy(() -> TransformerModel.read(dir))
        .hasMessageStartingWith(
            "the transformer model in " + dir + " cannot be read: manifest.json: ")
        .hasMessageNotContaining("\n");
  }
}
