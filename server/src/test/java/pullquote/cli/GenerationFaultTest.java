package pullquote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A damaged {@code CURRENT} and generation numbers at their end, as a careless operator or a full
 * disk leaves them: a good generation on disk is still served, and a build that cannot be numbered
 * is refused in one sentence before it writes.
 */
class GenerationFaultTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedErr;
  private PrintStream savedOut;
  private Path index;

  @BeforeEach
  void build() {
    savedErr = System.err;
    savedOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    index = dir.resolve("idx");
    assertThat(Main.run("index", "--index", index.toString(), "--quiet", "sample-data")).isZero();
    out.reset();
  }

  @AfterEach
  void restore() {
    System.setErr(savedErr);
    System.setOut(savedOut);
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "", "gen-999999", "../outside", "gen-2147483647"})
  void aDamagedCurrentStillServesTheNewestCompleteGeneration(String current) throws Exception {
    Files.writeString(index.resolve("CURRENT"), current);
    assertThat(Main.run("search", "--index", index.toString(), "running out of options")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Noel Murray");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
  }

  /** Every file of the served generation deleted in turn: named in one sentence, no trace. */
  @Test
  void aGenerationMissingAFileIsRefusedNamingIt() throws Exception {
    Path generation = index.resolve(Files.readString(index.resolve("CURRENT")).strip());
    List<Path> files;
    try (Stream<Path> list = Files.list(generation)) {
      files =
          list.filter(f -> f.getFileName().toString().matches("_.*|segments_.*")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(2);
    for (Path file : files) {
      byte[] kept = Files.readAllBytes(file);
      Files.delete(file);
      err.reset();
      assertThat(Main.run("search", "--index", index.toString(), "pusher")).isEqualTo(1);
      String name = file.getFileName().toString();
      assertThat(err.toString(StandardCharsets.UTF_8))
          .as(name)
          .contains(
              name.startsWith("segments_")
                  ? "its commit file (segments_N) is missing"
                  : "its file " + name + " is missing")
          .doesNotContain("\tat ")
          .doesNotContain("lockFactory")
          .hasLineCount(1);
      Files.write(file, kept);
    }
  }

  @Test
  void aTenDigitDirectoryIsNotAGenerationAndTheNextBuildIsNumberedAfterTheRealOnes()
      throws Exception {
    Files.createDirectory(index.resolve("gen-2147483647"));
    assertThat(Main.run("index", "--index", index.toString(), "--quiet", "sample-data")).isZero();
    assertThat(Files.readString(index.resolve("CURRENT")).strip()).isEqualTo("gen-000002");
    assertThat(Main.run("search", "--index", index.toString(), "pusher")).isZero();
  }

  @Test
  void aDirectoryOfOtherFilesAFileOrNoNameIsRefusedAsAnIndexUnlessForced() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve("notes.txt"), "mine");
    assertThat(Main.run("index", "--index", home.toString(), "--quiet", "sample-data"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(home + " holds other files and no index")
        .contains("--force");
    try (Stream<Path> list = Files.list(home)) {
      assertThat(list).hasSize(1); // nothing written beside the notes
    }
    assertThat(Main.run("index", "--index", home.resolve("notes.txt").toString(), "sample-data"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a directory");
    assertThat(Main.run("index", "--index", "", "sample-data")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--index needs a directory name");
    assertThat(Main.run("index", "--index", home.toString(), "--force", "--quiet", "sample-data"))
        .isZero();
    assertThat(home.resolve("CURRENT")).isRegularFile();
  }

  @Test
  void aLinkLoopOrALinkToNothingIsRefusedWithItsReason() throws Exception {
    Path loop = dir.resolve("loop");
    Files.createSymbolicLink(loop, dir.resolve("loop2"));
    Files.createSymbolicLink(dir.resolve("loop2"), loop);
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone"));
    assertThat(Main.run("index", "--index", loop.toString(), "--quiet", "sample-data"))
        .isEqualTo(2);
    assertThat(Main.run("index", "--index", dangling.toString(), "--quiet", "sample-data"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(loop + " is a loop of symbolic links")
        .contains(dangling + " is a link to nothing that exists")
        .doesNotContain("\tat ");
    assertThat(dir.resolve("gone")).doesNotExist();
  }

  @Test
  void aFailedFirstBuildDoesNotClaimAnIndexWasLeftUnchanged() throws Exception {
    Path fresh = dir.resolve("fresh");
    assertThat(
            Main.run(
                "index",
                "--index",
                fresh.toString(),
                "--quiet",
                dir.resolve("no-input").toString()))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("unchanged");
  }

  @Test
  void aBuildAfterTheLastGenerationNumberIsRefusedBeforeItWrites() throws Exception {
    Files.createDirectory(index.resolve("gen-999999999"));
    assertThat(Main.run("index", "--index", index.toString(), "--quiet", "sample-data"))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("has reached generation 999999999")
        .doesNotContain("\tat ");
    try (Stream<Path> list = Files.list(index)) {
      assertThat(list.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("CURRENT", "build.lock", "gen-000001", "gen-999999999");
    }
  }
}
