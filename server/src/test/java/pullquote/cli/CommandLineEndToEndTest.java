package pullquote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.ingest.Json;

/** {@code index} then {@code search} through the real entry point, as an operator runs them. */
class CommandLineEndToEndTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void serveSaysClearlyWhenItsPortIsTakenOrItsWebDirectoryIsMissing() throws Exception {
    String index = dir.resolve("idx").toString();
    assertThat(Main.run("index", "--index", index, "--quiet", "sample-data")).isZero();
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String port = String.valueOf(taken.getLocalPort());
      assertThat(Main.run("serve", "--index", index, "--port", port)).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("cannot listen on 127.0.0.1:" + port)
          .doesNotContain("\tat ");
    }
    err.reset();
    assertThat(Main.run("serve", "--index", index, "--web", dir.resolve("none").toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a directory");
    err.reset();
    assertThat(Main.run("serve", "--index", index, "--cors-origin", "*")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--cors-origin takes an origin");
  }

  @Test
  void serveRefusesATruncatedIndexNamingTheFile() throws Exception {
    Path index = dir.resolve("idx");
    assertThat(Main.run("index", "--index", index.toString(), "--quiet", "sample-data")).isZero();
    Path largest;
    try (var files = java.nio.file.Files.list(index.resolve("gen-000001"))) {
      largest =
          files
              .filter(f -> !f.getFileName().toString().startsWith("segments"))
              .max(java.util.Comparator.comparingLong(f -> f.toFile().length()))
              .orElseThrow();
    }
    try (var channel =
        java.nio.channels.FileChannel.open(largest, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() / 2);
    }
    assertThat(Main.run("serve", "--index", index.toString(), "--port", "0")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("cannot be opened")
        .contains(largest.getFileName().toString())
        .doesNotContain("\tat ");
  }

  @Test
  void indexThenSearchFindsThePhrase() throws Exception {
    String index = dir.resolve("idx").toString();
    assertThat(Main.run("index", "--index", index, "--quiet", "sample-data")).isZero();
    assertThat(stdout())
        .contains("Reviews indexed:   11")
        .contains("Skipped:           0")
        .contains("page 10");
    out.reset();
    assertThat(Main.run("search", "--index", index, "--json", "\"running out of options\""))
        .isZero();
    JsonNode response = Json.newMapper().readTree(stdout());
    assertThat(response.get("total").asLong()).isEqualTo(1);
    assertThat(response.get("hits").get(0).get("critic").asText()).isEqualTo("Noel Murray");
    out.reset();
    assertThat(Main.run("search", "--index", index, "--sentiment", "mixed")).isZero();
    assertThat(stdout()).contains("2 reviews").contains("Wendy Richmond").contains("Anita Gates");
  }

  @Test
  void searchPrintsHowItForgaveTheQuery() throws Exception {
    String index = dir.resolve("idx").toString();
    assertThat(Main.run("index", "--index", index, "--quiet", "sample-data")).isZero();
    out.reset();
    assertThat(Main.run("search", "--index", index, "running", "out", "of", "optoins", "zzqxv"))
        .isZero();
    assertThat(stdout())
        .contains(
            "No review has all of \"running out of optoins zzqxv\"; showing reviews with most of"
                + " them; not found anywhere: zzqxv")
        .contains("Also matched options (typo of optoins)")
        .contains("Did you mean: running out of options zzqxv")
        .contains("1 review")
        .contains("Noel Murray");
    out.reset();
    assertThat(Main.run("search", "--index", index, "Noel", "Murray")).isZero();
    assertThat(stdout())
        .contains("Noel Murray is a critic (1 review): --critic \"Noel Murray\" lists them");
  }

  @Test
  void badUsageExitsWithTwo() {
    assertThat(Main.run("index")).isEqualTo(2);
    assertThat(Main.run("bogus")).isEqualTo(2);
    assertThat(Main.run("search", "--index", dir.toString(), "--sentiment", "happy", "x"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("sentiment must be positive, mixed or negative");
    assertThat(Main.run("serve", "--port", "notaport")).isEqualTo(2);
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"index", "serve", "search", "critic", "work"}) {
      out.reset();
      assertThat(Main.run(command, "--help")).isZero();
      assertThat(stdout()).contains("Usage: pullquote " + command);
    }
  }

  @Test
  void indexingNothingUsableFailsAndSaysSo() {
    assertThat(
            Main.run(
                "index",
                "--index",
                dir.resolve("idx").toString(),
                "--quiet",
                dir.resolve("missing.csv").toString()))
        .isEqualTo(1);
    assertThat(stdout()).contains("Nothing could be indexed");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("missing.csv")
        .contains("no such file");
  }

  @Test
  void searchWithoutAnIndexSaysHowToBuildOne() {
    assertThat(Main.run("search", "--index", dir.resolve("none").toString(), "x")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no index in")
        .contains("pullquote index");
  }
}
