package pullquote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import pullquote.ingest.Json;
import pullquote.testing.ConsoleCapture;
import pullquote.testing.TestIndexes;

/** {@code bench relevance} through the real entry point. */
class BenchRelevanceCommandTest {

  @TempDir Path dir;
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  @Test
  void helpDescribesTheOptions() {
    assertThat(ToolsMain.run("bench", "relevance", "--help")).isZero();
    assertThat(console.out())
        .contains("Usage: pullquote bench relevance")
        .contains("--per-kind")
        .contains("--seed")
        .contains("--misses")
        .contains("--json")
        .contains("--index");
  }

  @Test
  void aRunOnATinyIndexPrintsTheTableAndWritesEveryQuery() throws Exception {
    Path index = dir.resolve("idx");
    TestIndexes.build(index, TestIndexes.SEED, TestIndexes.EXTRA, TestIndexes.MISREMEMBERED);
    Path json = dir.resolve("relevance.json");
    assertThat(
            ToolsMain.run(
                "bench",
                "relevance",
                "--index",
                index.toString(),
                "--per-kind",
                "2",
                "--seed",
                "5",
                "--json",
                json.toString(),
                "--misses",
                "1"))
        .as(console.err())
        .isZero();
    String printed = console.out();
    assertThat(printed)
        .contains("27 reviews, seed 5, 2 queries per kind")
        .contains("repeat with: ./pullquote bench relevance --index " + index + " --per-kind 2")
        .contains("top-1  top-3  zero-hit")
        .containsPattern("(?m)^swap +\\| +2 \\| \\d\\.\\d{3}  \\d\\.\\d{3}  \\d\\.\\d{3}")
        .containsPattern("(?m)^misremembered \\(all\\) +\\| +14 \\|")
        .containsPattern("(?m)^phrase +\\| +2 \\| 1\\.000  1\\.000  0\\.000")
        .contains("Misses:");
    JsonNode report = Json.newMapper().readTree(json.toFile());
    assertThat(report.get("run").get("reviews").asInt()).isEqualTo(27);
    assertThat(report.get("rows")).hasSize(10);
    assertThat(report.get("queries")).hasSize(18);
    JsonNode first = report.get("queries").get(0);
    assertThat(first.get("kind").asText()).isEqualTo("swap");
    assertThat(first.get("target_id").asText()).isNotBlank();
    assertThat(first.get("pullquote").has("rank")).isTrue();
    assertThat(first.get("baseline").get("total").isNumber()).isTrue();
  }

  @Test
  void badCountsAreUsageErrorsAndAMissingIndexIsAFailure() {
    assertThat(ToolsMain.run("bench", "relevance", "--per-kind", "0")).isEqualTo(2);
    assertThat(ToolsMain.run("bench", "relevance", "--index", dir.resolve("none").toString()))
        .isEqualTo(1);
    assertThat(console.err()).contains("no index in");
  }
}
