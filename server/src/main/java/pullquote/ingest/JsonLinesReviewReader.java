package pullquote.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import pullquote.sentiment.RatingScale;

/**
 * Reads JSON Lines: one review object per line, with the API's field names ({@code id, work,
 * critic, publication, date, score, score_raw, sentiment, text}). A bare {@code score} without
 * {@code score_raw} is taken as already 0–100; {@code sentiment} is read as a label.
 */
public final class JsonLinesReviewReader implements ReviewReader {

  /** Past this a line is skipped unread, so one huge line cannot fill memory. */
  static final int MAX_LINE_CHARS = 1 << 20;

  /** Reads decimals as written: as a double, a score of {@code 1e999999} became "Infinity". */
  private final com.fasterxml.jackson.databind.ObjectReader numbersAsWritten;

  private final String workOverride;

  public JsonLinesReviewReader(ObjectMapper json, String workOverride) {
    this.workOverride = workOverride;
    this.numbersAsWritten =
        json.reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  @Override
  public void read(Path file, ReviewSink sink) throws IOException {
    String fallbackWork = workOverride != null ? workOverride : WorkTitles.fromFileName(file);
    try (BufferedReader reader = Utf8Files.open(file)) {
      BoundedLineReader lines = new BoundedLineReader(reader, MAX_LINE_CHARS);
      int line = 0;
      for (String text = lines.next(); text != null; text = lines.next()) {
        line++;
        if (text == BoundedLineReader.TOO_LONG) {
          sink.skip(
              file,
              line,
              SkipReason.MALFORMED_ROW,
              "a line longer than " + MAX_LINE_CHARS + " characters; no review is that long");
        } else if (!text.isBlank()) {
          readLine(text, file, line, fallbackWork, sink);
        }
        sink.progress(lines.consumed());
      }
    }
  }

  private void readLine(String text, Path file, int line, String fallbackWork, ReviewSink sink) {
    JsonNode node;
    try {
      node = numbersAsWritten.readTree(text);
    } catch (JacksonException e) {
      sink.skip(file, line, SkipReason.INVALID_JSON, "not JSON: " + e.getOriginalMessage());
      return;
    }
    if (node == null || !node.isObject()) {
      sink.skip(file, line, SkipReason.INVALID_JSON, "each line must be one JSON object");
      return;
    }
    Map<InputField, String> values = new EnumMap<>(InputField.class);
    for (InputField field : InputField.values()) {
      JsonNode value = node.get(field.key());
      if (value != null && !value.isNull() && !value.isContainerNode()) {
        values.put(field, value.asText());
      }
    }
    RatingScale.Context context = RatingScale.Context.EXPORT;
    JsonNode raw = node.get("score_raw");
    if (raw != null && !raw.isNull()) {
      values.put(InputField.SCORE, raw.asText());
    } else if (node.path("score").isNumber()) {
      context = RatingScale.Context.PAGE;
    }
    if (!values.containsKey(InputField.LABEL) && node.hasNonNull("sentiment")) {
      values.put(InputField.LABEL, node.get("sentiment").asText());
    }
    ExportRecords.emit(values, fallbackWork, file, line, context, sink);
  }
}
