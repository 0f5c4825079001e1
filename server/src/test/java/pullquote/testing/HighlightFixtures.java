package pullquote.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The reviews and queries the highlight tests of every backend mark. */
public final class HighlightFixtures {

  /** Reviews with stems, a phrase, a paragraph break and two critics to mark. */
  public static final Path REVIEWS =
      Path.of("server", "src", "test", "resources", "fixtures", "search", "highlights.jsonl");

  /** Words, stems, a phrase, a prefix, a field term with a word, and OR. */
  public static final List<String> QUERIES =
      List.of(
          "runs",
          "running",
          "\"running gag\"",
          "surpris*",
          "critic:haddad running",
          "jokes OR time");

  private HighlightFixtures() {}

  /**
   * One review longer than the 10,000 characters that are marked, with "gripping" at both ends.
   *
   * @return the JSON Lines file written in {@code dir}
   */
  public static Path longReview(Path dir) throws IOException {
    String text = "Gripping from the start. " + "Filler words here. ".repeat(600) + "Gripping end.";
    Path input = dir.resolve("long.jsonl");
    Files.writeString(
        input,
        "{\"id\": \"long\", \"work\": \"W\", \"critic\": \"C\", \"text\": \"" + text + "\"}\n");
    return input;
  }
}
