package pullquote.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A word-weight scorer with negation scope: the fallback text model until a trained one exists. It
 * sums lexicon weights (a negation word flips the next three words), scales the sum by the
 * excerpt's length, and calls mixed what is weak or pulls both ways.
 */
public final class LexiconSentimentModel implements TextSentimentModel {

  private static final Pattern TOKEN = Pattern.compile("[a-z]+(?:['-][a-z]+)*");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Set<String> NEGATIONS =
      Set.of(
          "not",
          "no",
          "never",
          "nothing",
          "hardly",
          "barely",
          "without",
          "isn't",
          "doesn't",
          "don't",
          "wasn't",
          "can't",
          "won't",
          "didn't",
          "aren't",
          "couldn't",
          "neither",
          "nor");
  private static final int NEGATION_SCOPE = 3;
  private static final double DECISION_MARGIN = 0.6;

  private final Map<String, Double> weights;

  public LexiconSentimentModel(Map<String, Double> weights) {
    this.weights = Map.copyOf(weights);
  }

  /** Loads the lexicon shipped with pullquote. */
  public static LexiconSentimentModel bundled() {
    try (InputStream in = LexiconSentimentModel.class.getResourceAsStream("lexicon.tsv")) {
      if (in == null) {
        throw new IllegalStateException("the sentiment lexicon is missing from the jar");
      }
      return new LexiconSentimentModel(readWeights(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sentiment lexicon", e);
    }
  }

  private static Map<String, Double> readWeights(InputStream in) throws IOException {
    Map<String, Double> weights = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      weights.put(parts[0].trim(), Double.parseDouble(parts[1].trim()));
    }
    return weights;
  }

  @Override
  public Prediction classify(String text) {
    String folded =
        MARKS
            .matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD))
            .replaceAll("")
            .replace('\u2019', '\'')
            .toLowerCase(Locale.ROOT);
    double positive = 0;
    double negative = 0;
    int tokens = 0;
    int negatedUntil = -1;
    var matcher = TOKEN.matcher(folded);
    while (matcher.find()) {
      String word = matcher.group();
      if (NEGATIONS.contains(word) || word.endsWith("n't")) {
        negatedUntil = tokens + NEGATION_SCOPE;
      } else {
        double weight = weights.getOrDefault(word, 0.0) * (tokens <= negatedUntil ? -1 : 1);
        if (weight > 0) {
          positive += weight;
        } else {
          negative -= weight;
        }
      }
      tokens++;
    }
    return decide(positive, negative, tokens);
  }

  private static Prediction decide(double positive, double negative, int tokens) {
    double scale = Math.sqrt(Math.max(tokens, 1) / 10.0 + 1);
    double net = (positive - negative) / scale;
    boolean pullsBothWays = Math.min(positive, negative) >= 0.5 * Math.max(positive, negative);
    double confidence = 1 / (1 + Math.exp(-Math.abs(net)));
    if (Math.abs(net) < DECISION_MARGIN || (pullsBothWays && negative >= 1.5)) {
      return new Prediction(Sentiment.MIXED, 1 - confidence / 2);
    }
    return new Prediction(net > 0 ? Sentiment.POSITIVE : Sentiment.NEGATIVE, confidence);
  }
}
