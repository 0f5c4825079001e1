package pullquote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.ingest.Json;

/**
 * {@code pullquote critic} and {@code pullquote work} through the real entry point, on the
 * four-critics fixture whose figures the profile tests work out by hand.
 */
class ProfileCommandsTest {

  static final String FOUR_CRITICS =
      Path.of("server", "src", "test", "resources", "fixtures", "profiles", "four-critics.jsonl")
          .toString();

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;
  private String index;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    index = dir.resolve("idx").toString();
    assertThat(Main.run("index", "--index", index, "--quiet", FOUR_CRITICS)).isZero();
    out.reset();
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
  void criticPrintsTheProfileAReaderCanScan() {
    assertThat(Main.run("critic", "--index", index, "Ann", "Ames")).isZero();
    assertThat(stdout())
        .contains("Ann Ames: 3 reviews, 2019–2021")
        .contains("Publications: Daily Lamp 2, The Evening Lamp 1")
        .contains("Sentiment:    positive 2, mixed 1, negative 0")
        .contains("Scores:       3 scored, mean 70.0")
        .contains("Generosity:   +27.2 points beside the other critics of the same works (3 works)")
        .contains("Agreement:    33% on the side of most other critics (3 works with 3 or more")
        .contains("Most favourable:")
        .contains("Works reviewed (by score):");
  }

  @Test
  void workPrintsTheVerdictAndTheJsonIsTheApis() throws Exception {
    assertThat(Main.run("work", "--index", index, "Beta")).isZero();
    assertThat(stdout())
        .contains("Beta: Generally unfavorable reviews (33) – based on 4 scored reviews")
        .contains("Negative pull quotes:");
    out.reset();
    assertThat(Main.run("work", "--index", index, "--json", "Gamma")).isZero();
    var json = Json.newMapper().readTree(stdout());
    assertThat(json.get("verdict").get("label").asText()).isEqualTo("Mixed or average reviews");
    assertThat(json.get("verdict").get("from").asText()).isEqualTo("sentiment");
  }

  @Test
  void aNameNoReviewHasExitsWithOneAndABadSortWithTwo() {
    assertThat(Main.run("critic", "--index", index, "Nobody")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("pullquote critic: no review is by a critic named 'Nobody'");
    assertThat(Main.run("work", "--index", index, "Delta")).isEqualTo(1);
    assertThat(Main.run("critic", "--index", index, "--sort", "rating", "Ann")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("sort must be one of");
  }
}
