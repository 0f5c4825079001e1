package pullquote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import pullquote.sentiment.LinearSentimentModel;
import pullquote.sentiment.TextSentimentModel;

/**
 * {@code pullquote classify}: the text model on one excerpt per line, for checking it on own data.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classify one excerpt per line (UTF-8) with the bundled sentiment model. Writes one line per",
      "input line, in order: label<TAB>p_positive<TAB>p_mixed<TAB>p_negative, or JSON Lines with --json."
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

  @Override
  public Integer call() throws IOException {
    TextSentimentModel model = LinearSentimentModel.bundled();
    ObjectMapper mapper = new ObjectMapper();
    try (InputStream in =
            input == null || input.equals("-") ? System.in : Files.newInputStream(Path.of(input));
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(
                    in,
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        PrintWriter out =
            new PrintWriter(
                new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        TextSentimentModel.Prediction p = model.classify(line);
        if (json) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("label", p.sentiment().key());
          row.put("positive", round(p.positive()));
          row.put("mixed", round(p.mixed()));
          row.put("negative", round(p.negative()));
          row.put("evidence", p.evidence());
          out.println(mapper.writeValueAsString(row));
        } else {
          out.printf(
              Locale.ROOT,
              "%s\t%.4f\t%.4f\t%.4f%n",
              p.sentiment().key(),
              p.positive(),
              p.mixed(),
              p.negative());
        }
      }
    }
    return 0;
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
