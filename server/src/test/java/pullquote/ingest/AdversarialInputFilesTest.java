package pullquote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.LiveIndex;
import pullquote.search.SearchParameters;
import pullquote.testing.PullquoteProcess;
import pullquote.testing.TestIndexes;

/**
 * Garbage, broken encodings, a 50 MB line, a 200 MB header line, 10,000 columns, unbalanced quotes,
 * and pages with no entries or 10,000 of them, all in one directory, indexed by the real command in
 * a JVM with a 512 MB heap: every good record is indexed, every bad one is reported, and the run
 * completes.
 */
class AdversarialInputFilesTest {

  @TempDir Path dir;

  @Test
  void everyGoodRecordIsIndexedAndEveryBadOneReportedWithBoundedMemory() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Random random = new Random(6);
    byte[] garbage = new byte[1 << 20];
    random.nextBytes(garbage);
    byte[] oneLine = java.util.Arrays.copyOf(garbage, 4096);
    for (int i = 0; i < oneLine.length; i++) {
      oneLine[i] = oneLine[i] == '\n' || oneLine[i] == '\r' ? 0 : oneLine[i];
    }
    Files.write(in.resolve("garbage.bin"), garbage);
    Files.write(in.resolve("garbage.csv"), garbage);
    try (OutputStream out = Files.newOutputStream(in.resolve("mixed.jsonl"))) {
      out.write(good("jsonl", 1).getBytes(StandardCharsets.UTF_8));
      out.write(oneLine);
      out.write('\n');
      out.write(
          "{\"critic\": \"Bad \u00ff\", \"text\": \"broken ".getBytes(StandardCharsets.UTF_8));
      out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
      out.write(" bytes\"}\n".getBytes(StandardCharsets.UTF_8));
      out.write(good("jsonl", 2).getBytes(StandardCharsets.UTF_8));
    }
    try (Writer out = Files.newBufferedWriter(in.resolve("huge-line.jsonl"))) {
      out.write(good("huge", 1));
      out.write("{\"text\": \"");
      String chunk = "endless ".repeat(1024);
      for (long written = 0; written < 50L << 20; written += chunk.length()) {
        out.write(chunk);
      }
      out.write("\"}\n");
      out.write(good("huge", 2));
    }
    try (Writer out = Files.newBufferedWriter(in.resolve("wide.csv"))) {
      StringBuilder header = new StringBuilder("id,critic,text");
      for (int c = 3; c < 10_000; c++) {
        header.append(",extra").append(c);
      }
      out.write(header + "\n");
      String padding = ",x".repeat(9_997);
      for (int r = 1; r <= 3; r++) {
        out.write("w" + r + ",Wide Critic,A markerwide review number " + r + padding + "\n");
      }
    }
    // A header line of 200 MB with no newline: it took the whole heap, and the good files with it.
    try (Writer out = Files.newBufferedWriter(in.resolve("huge-header.csv"))) {
      out.write("source,review_id,text,");
      String columns = "x,".repeat(1 << 16);
      for (long written = 0; written < 200L << 20; written += columns.length()) {
        out.write(columns);
      }
    }
    Files.writeString(
        in.resolve("quotes.csv"),
        "id,critic,text\nq1,Ann,\"A markerquote review\"\nq2,Bob,\"never closed\nq3,Cy,\"ok\"\n");
    Files.writeString(
        in.resolve("empty-page.txt"),
        "Mixed or average reviews - based on 0 Critics\n\nCritic Reviews\n\n");
    StringBuilder page =
        new StringBuilder(
            "Generally favorable reviews - based on 10000 Critics\n\nCritic Reviews\n\n");
    for (int e = 1; e <= 10_000; e++) {
      page.append("  ").append(e).append(". Reviewed by: Critic ").append(e).append('\n');
      page.append("    Jul 15, 2013\n");
      page.append("    A markerpage entry that is number ").append(e).append(".\n");
    }
    Files.writeString(in.resolve("big-page.txt"), page);

    Path index = dir.resolve("index");
    Process indexer =
        PullquoteProcess.start(
            dir.resolve("index.log"),
            null,
            "index",
            "--index",
            index.toString(),
            "--quiet",
            in.toString());
    try {
      assertThat(indexer.waitFor(150, TimeUnit.SECONDS)).isTrue();
    } finally {
      indexer.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("index.log"));
    assertThat(indexer.exitValue()).as(log).isZero();
    assertThat(log).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    assertThat(log.lines().filter(l -> l.contains("huge-header.csv")).toList())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("huge-header.csv:1")
        .contains("longer than 1048576 characters")
        .hasSizeLessThan(300);
    assertThat(log)
        .contains("mixed.jsonl:2")
        .contains("mixed.jsonl:3")
        .contains("huge-line.jsonl:2");

    try (LiveIndex live = TestIndexes.open(index)) {
      var search = TestIndexes.service(live);
      assertThat(count(search, "markerjsonl")).isEqualTo(2);
      assertThat(count(search, "markerhuge")).isEqualTo(2);
      assertThat(count(search, "markerwide")).isEqualTo(3);
      assertThat(count(search, "markerquote")).isEqualTo(1);
      assertThat(count(search, "markerpage")).isEqualTo(10_000);
      assertThat(count(search, "endless")).isZero();
      assertThat(count(search, "broken")).isZero();
    }
  }

  private static long count(pullquote.search.ReviewSearchService search, String word) {
    return search.search(SearchParameters.parse(Map.of("q", List.of(word)))).total();
  }

  private static String good(String marker, int n) {
    return "{\"id\": \""
        + marker
        + n
        + "\", \"critic\": \"Good Critic\", \"text\": \"A marker"
        + marker
        + " review, number "
        + n
        + ".\"}\n";
  }
}
