package pullquote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.IndexLayout;
import pullquote.testing.PullquoteProcess;

/**
 * Index directories an operator can get wrong: held by another build, read-only, missing; and a
 * sentiment model file that is missing or is not a model. Each is one clear sentence and a non-zero
 * exit, and the index that was there is left as it was.
 */
class IndexDirectoryFaultTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedErr;
  private PrintStream savedOut;
  private Path mounted;

  @BeforeEach
  void capture() {
    savedErr = System.err;
    savedOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() throws Exception {
    System.setErr(savedErr);
    System.setOut(savedOut);
    if (mounted != null) {
      new ProcessBuilder("umount", "-l", mounted.toString()).start().waitFor();
    }
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBuildIntoAnIndexAnotherProcessIsBuildingFailsAndLeavesItAlone() throws Exception {
    Path index = dir.resolve("idx");
    assertThat(Main.run("index", "--index", index.toString(), "--quiet", "sample-data")).isZero();
    String before = Files.readString(index.resolve("CURRENT"));
    // This JVM holds the build lock, as a running `pullquote index` would; a second process tries.
    try (var lock = new IndexLayout(index).lockForBuild()) {
      Process second =
          PullquoteProcess.start(
              dir.resolve("second.log"),
              null,
              "index",
              "--index",
              index.toString(),
              "--quiet",
              "sample-data");
      try {
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      } finally {
        second.destroyForcibly();
      }
      String log = Files.readString(dir.resolve("second.log"));
      assertThat(second.exitValue()).as(log).isEqualTo(1);
      assertThat(log).contains("another index build is running on").doesNotContain("\tat ");
    }
    assertThat(Files.readString(index.resolve("CURRENT"))).isEqualTo(before);
    try (var files = Files.list(index)) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith("gen-")).count())
          .isEqualTo(1);
    }
  }

  @Test
  void aBuildIntoAReadOnlyIndexFailsClearlyAndChangesNothing() throws Exception {
    Path index = readOnlyIndex();
    String before = Files.readString(index.resolve("CURRENT"));
    assertThat(Main.run("index", "--index", index.toString(), "--quiet", "sample-data"))
        .isEqualTo(1);
    assertThat(stderr())
        .contains("could not write the index in " + index)
        .contains("unchanged")
        .doesNotContain("\tat ");
    assertThat(Files.readString(index.resolve("CURRENT"))).isEqualTo(before);
    // Serving only reads: a read-only index still answers.
    err.reset();
    assertThat(Main.run("search", "--index", index.toString(), "pusher")).isZero();
  }

  @Test
  void serveAndSearchOnAMissingIndexSayHowToBuildOne() {
    String missing = dir.resolve("nothing-here").toString();
    assertThat(Main.run("serve", "--index", missing)).isEqualTo(1);
    assertThat(stderr())
        .contains("no index in " + missing)
        .contains("pullquote index --index " + missing);
    err.reset();
    assertThat(Main.run("search", "--index", missing, "pusher")).isEqualTo(1);
    assertThat(stderr())
        .contains("no index in " + missing)
        .contains("pullquote index --index " + missing);
    assertThat(Files.exists(Path.of(missing))).as("nothing is created").isFalse();
  }

  @Test
  void aMissingOrForeignModelFileIsBadUsageInOneSentence() throws Exception {
    assertThat(Main.run("classify", "--model", dir.resolve("none.bin.gz").toString(), "-"))
        .isEqualTo(2);
    assertThat(stderr()).contains("cannot read the sentiment model").contains("no such file");
    err.reset();
    Path notAModel = Files.writeString(dir.resolve("model.bin.gz"), "not a model");
    Path index = dir.resolve("idx");
    assertThat(
            Main.run(
                "index",
                "--index",
                index.toString(),
                "--model",
                notAModel.toString(),
                "sample-data"))
        .isEqualTo(2);
    assertThat(stderr())
        .contains("cannot read the sentiment model " + notAModel)
        .doesNotContain("\tat ");
    assertThat(Files.exists(index)).as("nothing is written").isFalse();
  }

  /**
   * An index on a read-only file system (a tmpfs remounted read-only) when this runs as root, whom
   * file permissions do not stop; else a directory without write permission.
   */
  private Path readOnlyIndex() throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path base = Files.createDirectories(dir.resolve("ro"));
    if (root) {
      boolean ok = run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", base.toString()) == 0;
      Assumptions.assumeTrue(ok, "cannot mount a tmpfs here to make a read-only index");
      mounted = base;
    }
    Path index = base.resolve("idx");
    assertThat(Main.run("index", "--index", index.toString(), "--quiet", "sample-data")).isZero();
    if (root) {
      Assumptions.assumeTrue(
          run("mount", "-o", "remount,ro", base.toString()) == 0,
          "cannot remount the tmpfs read-only here");
    } else {
      for (Path p : java.util.List.of(index, base)) {
        p.toFile().setWritable(false, false);
      }
      Assumptions.assumeFalse(
          Files.isWritable(index), "this user can write to directories without permission");
    }
    return index;
  }

  /** Runs a system command; -1 when it is not installed. */
  private static int run(String... command) throws Exception {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
