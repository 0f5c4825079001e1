package pullquote.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import pullquote.sentiment.RatingScale;

/**
 * Reads CSV exports with a header row through Commons CSV. A row the parser cannot finish (an
 * unbalanced quote swallows the rest of the file) is reported, and parsing starts again on the line
 * after it, so one bad row never costs the rows behind it.
 */
public final class CsvReviewReader implements ReviewReader {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();

  /** A quoted field may hold line breaks, but no review excerpt runs over this many lines. */
  static final int MAX_RECORD_LINES = 50;

  /** Past this a row is broken; the limit keeps an unclosed quote from buffering a whole file. */
  static final int MAX_RECORD_CHARS = 1 << 20;

  private final ColumnMapping mapping;
  private final String workOverride;

  /**
   * @param workOverride the work for rows whose work column is missing or empty; null to derive it
   *     from the file name
   */
  public CsvReviewReader(ColumnMapping mapping, String workOverride) {
    this.mapping = mapping;
    this.workOverride = workOverride;
  }

  @Override
  public void read(Path file, ReviewSink sink) throws IOException {
    List<String> header;
    Map<InputField, String> columns;
    // The header is one record too: a header line of 200 MB (no newline) took the whole heap.
    try (Reader in = new RecordSizeLimit(open(file, 0), MAX_RECORD_CHARS);
        CSVParser parser = FORMAT.builder().setHeader().get().parse(in)) {
      header = parser.getHeaderNames();
      columns = mapping.resolve(header);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      sink.skip(file, 1, SkipReason.MALFORMED_ROW, "unreadable header row: " + e.getMessage());
      return;
    }
    if (!columns.containsKey(InputField.TEXT)) {
      sink.skip(
          file,
          1,
          SkipReason.MISSING_COLUMN,
          "no review text column among " + shown(header) + "; name one with --map text=COLUMN");
      return;
    }
    String fallbackWork = workOverride != null ? workOverride : WorkTitles.fromFileName(file);
    long restartLine = 1;
    while (restartLine > 0) {
      restartLine = readFrom(file, restartLine, header, columns, fallbackWork, sink);
    }
  }

  /**
   * Parses data rows from the given 0-based count of lines already passed.
   *
   * @return the line count to start again from after a row the parser gave up on, or 0 when done
   */
  private long readFrom(
      Path file,
      long linesPassed,
      List<String> header,
      Map<InputField, String> columns,
      String fallbackWork,
      ReviewSink sink)
      throws IOException {
    // Blank lines come through as records so the parser's line count stays on the row's own line.
    CSVFormat format =
        FORMAT.builder().setIgnoreEmptyLines(false).setHeader(header.toArray(String[]::new)).get();
    try (RecordSizeLimit in = new RecordSizeLimit(open(file, linesPassed), MAX_RECORD_CHARS);
        CSVParser parser = format.parse(in)) {
      Iterator<CSVRecord> rows = parser.iterator();
      while (true) {
        long before = parser.getCurrentLineNumber();
        int line = (int) (linesPassed + before + 1);
        CSVRecord row;
        try {
          in.startRecord();
          if (!rows.hasNext()) {
            return 0;
          }
          row = rows.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          sink.skip(
              file, line, SkipReason.MALFORMED_ROW, "cannot parse the row: " + rootMessage(e));
          return linesPassed + before + 1;
        }
        long spanned = parser.getCurrentLineNumber() - before;
        if (spanned > MAX_RECORD_LINES) {
          // An unbalanced quote closed many lines later would merge the rows between; better to
          // lose one row than to index a dozen as one review.
          sink.skip(
              file,
              line,
              SkipReason.MALFORMED_ROW,
              "the row runs over " + spanned + " lines, most likely from an unbalanced quote");
          return linesPassed + before + 1;
        }
        sink.progress(row.getCharacterPosition());
        if (row.size() == 1 && row.get(0).isEmpty()) {
          continue;
        }
        emit(row, line, columns, header.size(), fallbackWork, file, sink);
      }
    }
  }

  private static void emit(
      CSVRecord row,
      int line,
      Map<InputField, String> columns,
      int width,
      String fallbackWork,
      Path file,
      ReviewSink sink) {
    if (row.size() != width) {
      sink.skip(
          file,
          line,
          SkipReason.MALFORMED_ROW,
          "row has " + row.size() + " fields where the header has " + width);
      return;
    }
    Map<InputField, String> values = new EnumMap<>(InputField.class);
    columns.forEach((field, column) -> values.put(field, row.get(column)));
    ExportRecords.emit(values, fallbackWork, file, line, RatingScale.Context.EXPORT, sink);
  }

  /** The header's first columns, each cut short, for a message of one line. */
  private static String shown(List<String> header) {
    List<String> names =
        header.stream().limit(10).map(h -> h.length() > 40 ? h.substring(0, 40) + "…" : h).toList();
    return names + (header.size() > 10 ? " and " + (header.size() - 10) + " more" : "");
  }

  /** Opens the file after skipping whole lines. */
  private static Reader open(Path file, long skipLines) throws IOException {
    BufferedReader reader = Utf8Files.open(file);
    for (long i = 0; i < skipLines; i++) {
      if (reader.readLine() == null) {
        break;
      }
    }
    return reader;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
