package pullquote.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The input formats, told apart by extension and, where that is not decisive, by content. */
public enum InputFormat {
  PAGE,
  CSV,
  JSON_LINES;

  private static final int SNIFF_BYTES = 8192;

  /** The file's format, or empty when it is none of them. */
  public static Optional<InputFormat> detect(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Optional.of(JSON_LINES);
    }
    return sniff(head(file));
  }

  private static Optional<InputFormat> sniff(String head) {
    List<String> lines = Arrays.asList(head.split("\\R"));
    String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    if (first.startsWith("{")) {
      return Optional.of(JSON_LINES);
    }
    if (MetacriticPageReader.looksLikePage(lines.subList(0, Math.min(lines.size(), 20)))) {
      return Optional.of(PAGE);
    }
    String header = first.toLowerCase(Locale.ROOT);
    boolean csvHeader =
        header.contains(",")
            && InputField.TEXT.aliases().stream()
                .anyMatch(alias -> Arrays.asList(header.split("\\s*,\\s*")).contains(alias));
    return csvHeader ? Optional.of(CSV) : Optional.empty();
  }

  private static String head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
    }
  }
}
