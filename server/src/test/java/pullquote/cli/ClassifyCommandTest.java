package pullquote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classify} on odd input: one output line per input line, in order, never a failure. */
class ClassifyCommandTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream saved;

  @BeforeEach
  void capture() {
    saved = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(saved);
  }

  private Path oddInput() throws Exception {
    Path file = dir.resolve("odd.txt");
    Files.write(
        file,
        ("A triumph, warm and funny.\n\n<p>Dull &amp; <i>tedious</i></p>\r\n"
                + "long ".repeat(200_000)
                + "\n")
            .getBytes(StandardCharsets.UTF_8));
    Files.write(
        file,
        new byte[] {(byte) 0xC3, (byte) 0x28, ' ', 'b', 'a', 'd', '\n'},
        java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(file, "last line without newline", java.nio.file.StandardOpenOption.APPEND);
    return file;
  }

  @Test
  void writesOneTabSeparatedLinePerInputLine() throws Exception {
    assertThat(Main.run("classify", oddInput().toString())).isZero();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(6);
    assertThat(lines[0]).startsWith("positive\t");
    for (String line : lines) {
      String[] fields = line.split("\t");
      assertThat(fields).hasSize(4);
      assertThat(fields[0]).isIn("positive", "mixed", "negative");
      double sum =
          Double.parseDouble(fields[1])
              + Double.parseDouble(fields[2])
              + Double.parseDouble(fields[3]);
      assertThat(sum).isBetween(0.999, 1.001);
    }
  }

  @Test
  void jsonLinesCarryProbabilitiesAndEvidence() throws Exception {
    assertThat(Main.run("classify", "--json", oddInput().toString())).isZero();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(6);
    var json = new ObjectMapper();
    for (String line : lines) {
      var row = json.readTree(line);
      assertThat(row.get("label").asText()).isIn("positive", "mixed", "negative");
      assertThat(row.get("evidence").isArray()).isTrue();
    }
    assertThat(json.readTree(lines[0]).get("evidence").size()).isPositive();
  }

  @Test
  void aMissingFileIsAClearFailure() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream savedErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run("classify", dir.resolve("nope.txt").toString())).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.txt");
    } finally {
      System.setErr(savedErr);
    }
  }

  @Test
  void theAccurateTierDecidesByDefaultAndTheFastTierOnRequest() throws Exception {
    Path file = dir.resolve("one.txt");
    Files.writeString(file, "The best animated feature of the decade, bar none.\n");
    var json = new ObjectMapper();
    assertThat(Main.run("classify", "--json", file.toString())).isZero();
    assertThat(json.readTree(out.toString(StandardCharsets.UTF_8)).get("source").asText())
        .isEqualTo("model:transformer");
    out.reset();
    assertThat(Main.run("classify", "--json", "--sentiment-model", "fast", file.toString()))
        .isZero();
    assertThat(json.readTree(out.toString(StandardCharsets.UTF_8)).get("source").asText())
        .isEqualTo("model");
  }

  @Test
  void aTransformerDirectoryWithoutAModelIsBadUsageInOneSentence() throws Exception {
    Path file = dir.resolve("one.txt");
    Files.writeString(file, "Fine.\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream savedErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      Path empty = Files.createDirectory(dir.resolve("empty"));
      assertThat(Main.run("classify", "--transformer", empty.toString(), file.toString()))
          .isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .startsWith(
              "no transformer model in "
                  + empty
                  + " (model.onnx and manifest.json, as training/transformer/train.py --out"
                  + " writes them)");
    } finally {
      System.setErr(savedErr);
    }
  }
}
