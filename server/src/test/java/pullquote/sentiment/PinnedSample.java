package pullquote.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample the training pipeline pinned beside the bundled transformer: texts written for the
 * tests (none from a corpus), the ids it gave them and its float32 log-odds, in the same order.
 */
record PinnedSample(List<String> texts, List<int[]> ids, List<double[]> logits) {

  private static final Path FILE =
      Path.of("server/src/test/resources/fixtures/sentiment/transformer-pinned.jsonl");

  static PinnedSample read() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    List<int[]> ids = new ArrayList<>();
    List<double[]> logits = new ArrayList<>();
    for (String line : Files.readAllLines(FILE)) {
      JsonNode row = json.readTree(line);
      texts.add(row.path("text").asText());
      ids.add(json.convertValue(row.path("ids"), int[].class));
      logits.add(json.convertValue(row.path("logits"), double[].class));
    }
    return new PinnedSample(List.copyOf(texts), List.copyOf(ids), List.copyOf(logits));
  }
}
