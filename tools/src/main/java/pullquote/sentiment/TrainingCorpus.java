package pullquote.sentiment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Labelled excerpts for training and evaluation, read from a critic-reviews CSV: positive/negative
 * from the label (or the score), three classes where the score normalises. Repeated texts are kept
 * once, and rows are split by work, so one film's reviews never sit on both sides of a split.
 */
public final class TrainingCorpus {

  /** Which part of the data a row belongs to. */
  public enum Split {
    TRAIN,
    DEV,
    TEST
  }

  /**
   * One excerpt.
   *
   * @param polarity positive or negative, or null when unknown (or mixed)
   * @param scoreClass the class from the normalised score, or null when there is no score
   * @param group what rows are split by (the work)
   * @param collection the public collection the row came from
   */
  public record Excerpt(
      String text, Sentiment polarity, Sentiment scoreClass, String group, String collection) {
    public Split split() {
      return TrainingCorpus.split(group);
    }
  }

  private static final Map<String, Sentiment> LABELS =
      Map.of(
          "positive", Sentiment.POSITIVE,
          "fresh", Sentiment.POSITIVE,
          "negative", Sentiment.NEGATIVE,
          "rotten", Sentiment.NEGATIVE);

  private TrainingCorpus() {}

  /** The split of a work: a tenth to test, a tenth to dev, the rest to train. */
  public static Split split(String group) {
    int bucket = Math.floorMod(group.hashCode() * 0x9E3779B1, 10);
    return bucket == 0 ? Split.TEST : bucket == 1 ? Split.DEV : Split.TRAIN;
  }

  public static List<Excerpt> read(Path csv) throws IOException {
    List<Excerpt> excerpts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = lenientReader(csv);
        CSVParser parser = format.parse(in)) {
      List<String> header = parser.getHeaderNames();
      for (CSVRecord row : parser) {
        String text = column(row, header, "text", "review_content");
        if (text == null
            || text.isBlank()
            || !seen.add(String.join(" ", TextFeatures.words(text)))) {
          continue;
        }
        Sentiment scoreClass =
            RatingScale.normalise(
                    column(row, header, "original_score", "review_score"),
                    RatingScale.Context.EXPORT)
                .map(Sentiment::fromScore)
                .orElse(null);
        String label = column(row, header, "label", "review_type");
        Sentiment polarity =
            label == null ? null : LABELS.get(label.strip().toLowerCase(Locale.ROOT));
        if (polarity == null && scoreClass != null && scoreClass != Sentiment.MIXED) {
          polarity = scoreClass;
        }
        if (polarity == null && scoreClass == null) {
          continue;
        }
        String group =
            group(
                column(row, header, "work_title"),
                column(row, header, "work_id", "rotten_tomatoes_link"));
        String source = column(row, header, "source");
        excerpts.add(
            new Excerpt(
                text,
                polarity,
                scoreClass,
                group == null ? text : group,
                source == null ? csv.getFileName().toString() : source.replaceAll("/.*", "")));
      }
    }
    return excerpts;
  }

  /**
   * What rows are split by: the title, folded, since one film has a different id in each public
   * collection and must not sit in two splits; the id only where there is no title.
   */
  private static String group(String title, String id) {
    if (title != null) {
      return "title:" + TextFeatures.fold(title).strip().replaceAll("\\s+", " ");
    }
    return id;
  }

  /** UTF-8 with bad bytes replaced and a byte-order mark skipped, so one odd byte costs nothing. */
  private static Reader lenientReader(Path csv) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
    var reader =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(Files.newInputStream(csv), decoder));
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }

  private static String column(CSVRecord row, List<String> header, String... names) {
    for (String name : names) {
      if (header.contains(name) && row.isSet(name)) {
        String value = row.get(name);
        if (value != null && !value.isBlank()) {
          return value;
        }
      }
    }
    return null;
  }
}
