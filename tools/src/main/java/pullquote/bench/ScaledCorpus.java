package pullquote.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes a deterministic scaled corpus from real reviews: each row takes a work of the source,
 * recombines sentences written about that work, and draws a critic, publication, date and grade
 * from the source's own values, so term statistics stay realistic. Rows are written as they are
 * made; only the source's pools are held in memory, so 10M rows need no more memory than 1,000. Now
 * and then a row repeats another's work, critic and text, which ingest merges into one review
 * (2,560 of 1M rows from the shared corpus).
 */
public final class ScaledCorpus {

  /** The columns written: the shared critic-reviews schema's names, so ingest reads it as is. */
  public static final List<String> COLUMNS =
      List.of(
          "review_id",
          "work_id",
          "work_title",
          "critic",
          "publication",
          "date",
          "original_score",
          "label",
          "text");

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"“])");
  private static final LocalDate FIRST_DAY = LocalDate.of(1995, 1, 1);
  private static final int DAYS = 30 * 365;

  private record Work(String id, String title, List<String> sentences, List<String[]> grades) {}

  /** The work of each source row: drawing a row, not a work, keeps each work's share of reviews. */
  private final List<Work> rowWorks;

  private final List<String> critics;
  private final List<String> publications;

  private ScaledCorpus(List<Work> rowWorks, List<String> critics, List<String> publications) {
    this.rowWorks = rowWorks;
    this.critics = critics;
    this.publications = publications;
  }

  /** Reads the source's works, their sentences and grades, and its critics and publications. */
  public static ScaledCorpus from(Path source) throws IOException {
    Map<String, Work> works = new LinkedHashMap<>();
    List<Work> rowWorks = new ArrayList<>();
    List<String> critics = new ArrayList<>();
    List<String> publications = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(source, StandardCharsets.UTF_8);
        CSVParser parser = format.parse(in)) {
      for (CSVRecord row : parser) {
        String text = value(row, "text");
        String title = value(row, "work_title");
        if (text == null || title == null) {
          continue;
        }
        String id = value(row, "work_id") == null ? title : value(row, "work_id");
        Work work =
            works.computeIfAbsent(
                id, k -> new Work(k, title, new ArrayList<>(), new ArrayList<>()));
        rowWorks.add(work);
        for (String sentence : SENTENCE_END.split(text.strip())) {
          if (!sentence.isBlank()) {
            work.sentences().add(sentence.strip());
          }
        }
        work.grades()
            .add(
                new String[] {nonNull(value(row, "original_score")), nonNull(value(row, "label"))});
        addIfPresent(critics, value(row, "critic"));
        addIfPresent(publications, value(row, "publication"));
      }
    }
    if (works.isEmpty()) {
      throw new IOException(source + " has no rows with work_title and text");
    }
    return new ScaledCorpus(rowWorks, critics, publications);
  }

  /** Writes {@code rows} rows as CSV; the same source, rows and seed give the same bytes. */
  public void write(long rows, long seed, Writer out) throws IOException {
    Random random = new Random(seed);
    try (CSVPrinter csv =
        CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get().print(out)) {
      for (long i = 0; i < rows; i++) {
        Work work = rowWorks.get(random.nextInt(rowWorks.size()));
        String[] grade = work.grades().get(random.nextInt(work.grades().size()));
        csv.printRecord(
            "gen:" + i,
            work.id(),
            work.title(),
            critics.isEmpty() ? "" : critics.get(random.nextInt(critics.size())),
            publications.isEmpty() ? "" : publications.get(random.nextInt(publications.size())),
            FIRST_DAY.plusDays(random.nextInt(DAYS)).toString(),
            grade[0],
            grade[1],
            text(work, random));
      }
    }
  }

  /** One to three sentences about the work, in a random order. */
  private static String text(Work work, Random random) {
    int count = 1 + random.nextInt(3);
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < count; s++) {
      if (s > 0) {
        text.append(' ');
      }
      text.append(work.sentences().get(random.nextInt(work.sentences().size())));
    }
    return text.toString();
  }

  private static String value(CSVRecord row, String column) {
    if (!row.isMapped(column) || !row.isSet(column)) {
      return null;
    }
    String value = row.get(column);
    return value == null || value.isBlank() ? null : value;
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  private static void addIfPresent(List<String> values, String value) {
    if (value != null) {
      values.add(value);
    }
  }
}
