package pullquote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import pullquote.sentiment.TextSentimentModel;

/**
 * {@code pullquote classify}: the text model on one excerpt per line, for checking it on own data.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classify one excerpt per line (UTF-8) as the indexer decides a review",
      "with no score, label or page distribution (the accurate tier unless",
      "--sentiment-model fast). Writes one line per input line, in order:",
      "label<TAB>p_positive<TAB>p_mixed<TAB>p_negative, or JSON Lines with --json",
      "(with the evidence and the tier that decided)."
    })
final class ClassifyCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE|-",
      description = "Input file; - or nothing for standard input.")
  String input;

  @Option(
      names = "--json",
      description = "Write JSON Lines with the probabilities and the evidence.")
  boolean json;

  @Mixin ModelOption modelOption = new ModelOption();

  /** Only this much of a line is kept; the model reads the first 4,000 characters anyway. */
  private static final int MAX_LINE = 1 << 16;

  /** Lines classified together at most. */
  private static final int BATCH = 64;

  @Override
  public Integer call() {
    TextSentimentModel model = modelOption.loadTier();
    source = model.source().key();
    ObjectMapper mapper = new ObjectMapper();
    try (InputStream in =
            input == null || input.equals("-") ? System.in : Files.newInputStream(Path.of(input));
        Reader lines =
            new BufferedReader(
                new InputStreamReader(
                    in,
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                1 << 16)) {
      PrintWriter out =
          new PrintWriter(
              new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
      List<String> batch = new ArrayList<>(BATCH);
      for (String line = readLine(lines); line != null; line = readLine(lines)) {
        batch.add(line);
        // Lines go to the model in batches (the accurate tier is faster so), but a batch ends
        // when nothing more is waiting, so a program can talk to us line by line.
        if (batch.size() < BATCH && lines.ready()) {
          continue;
        }
        for (TextSentimentModel.Prediction p : model.classifyAll(batch)) {
          out.println(format(p, mapper));
        }
        batch.clear();
        // System.out never throws, so its error flag, checked as it is flushed, shows a closed
        // pipe.
        if (out.checkError() || System.out.checkError()) {
          System.err.println(
              "pullquote classify: cannot write the output (closed pipe or full disk)");
          return 1;
        }
      }
      out.flush();
      return out.checkError() || System.out.checkError() ? 1 : 0;
    } catch (IllegalStateException e) {
      System.err.println("pullquote classify: " + e.getMessage()); // the model cannot be read
      return 1;
    } catch (IOException e) {
      System.err.println(
          "pullquote classify: cannot read "
              + (input == null ? "standard input" : input)
              + ": "
              + e.getMessage());
      return 1;
    }
  }

  /** The tier's {@code sentiment_source}, as the indexer would record it. */
  private String source = "model";

  private String format(TextSentimentModel.Prediction p, ObjectMapper mapper) throws IOException {
    if (!json) {
      return String.format(
          Locale.ROOT,
          "%s\t%.4f\t%.4f\t%.4f",
          p.sentiment().key(),
          p.positive(),
          p.mixed(),
          p.negative());
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("label", p.sentiment().key());
    row.put("positive", round(p.positive()));
    row.put("mixed", round(p.mixed()));
    row.put("negative", round(p.negative()));
    row.put("evidence", p.evidence());
    row.put("source", source);
    return mapper.writeValueAsString(row);
  }

  /** The next line without its terminator, cut at {@link #MAX_LINE}; null at the end. */
  private static String readLine(Reader in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c = in.read();
    if (c < 0) {
      return null;
    }
    while (c >= 0 && c != '\n') {
      if (c != '\r' && line.length() < MAX_LINE) {
        line.append((char) c);
      }
      c = in.read();
    }
    return line.toString();
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
