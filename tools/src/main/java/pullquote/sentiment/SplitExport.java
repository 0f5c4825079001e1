package pullquote.sentiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the training corpus's splits for the transformer's training script, so the script trains
 * and tunes on exactly the excerpts and splits the linear model uses (split by work here, in one
 * place), and can add the linear model's log-odds to its own.
 */
public final class SplitExport {

  private SplitExport() {}

  /** Writes {@code train.jsonl}, {@code dev.jsonl} and {@code test.jsonl} into the directory. */
  public static void write(
      List<TrainingCorpus.Excerpt> corpus, LinearSentimentModel linear, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    ObjectMapper json = new ObjectMapper();
    Map<TrainingCorpus.Split, BufferedWriter> files = new EnumMap<>(TrainingCorpus.Split.class);
    try {
      for (TrainingCorpus.Split split : TrainingCorpus.Split.values()) {
        files.put(
            split,
            Files.newBufferedWriter(
                dir.resolve(split.name().toLowerCase(Locale.ROOT) + ".jsonl"),
                StandardCharsets.UTF_8));
      }
      for (TrainingCorpus.Excerpt e : corpus) {
        LogOdds logits = linear.logits(e.text());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("text", e.text());
        row.put("polarity", name(e.polarity()));
        row.put("score_class", name(e.scoreClass()));
        row.put("collection", e.collection());
        row.put("linear_polarity_logit", logits.polarity());
        row.put("linear_mixed_logit", logits.mixed());
        BufferedWriter out = files.get(e.split());
        out.write(json.writeValueAsString(row));
        out.write('\n');
      }
    } finally {
      for (BufferedWriter out : files.values()) {
        out.close();
      }
    }
  }

  private static String name(Sentiment sentiment) {
    return sentiment == null ? null : sentiment.name().toLowerCase(Locale.ROOT);
  }
}
