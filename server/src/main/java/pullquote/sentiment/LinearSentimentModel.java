package pullquote.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trained text model: two linear heads over hashed word and bigram features. The polarity head
 * (NB-weighted logistic regression, Wang and Manning's NBSVM idea) gives P(positive) against
 * negative; the mixed head gives P(mixed). Both are Platt-calibrated on held-out data, and mixed is
 * chosen when its probability passes a threshold tuned on that data.
 */
public final class LinearSentimentModel implements TextSentimentModel {

  /** Where the model trained on the shared critic-reviews corpus is bundled. */
  public static final String RESOURCE = "/pullquote/sentiment/model.bin.gz";

  private static final int EVIDENCE = 3;

  /** The model's parameters; hashes sorted ascending, one weight per hash in each head. */
  record Parameters(
      int[] hashes,
      float[] polarity,
      float[] mixedness,
      double polarityBias,
      double mixedBias,
      double polarityScale,
      double polarityShift,
      double mixedScale,
      double mixedShift,
      double mixedThreshold,
      double positiveCut,
      double negativeCut) {}

  private final Parameters p;
  private final String metadata;
  private final WeightTable weights;

  LinearSentimentModel(Parameters parameters, String metadata) {
    this.p = parameters;
    this.metadata = metadata;
    this.weights =
        new WeightTable(parameters.hashes(), parameters.polarity(), parameters.mixedness());
  }

  /** Loads the bundled model. */
  public static LinearSentimentModel bundled() {
    try (InputStream in = LinearSentimentModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the sentiment model "
                + RESOURCE
                + " is missing from the build; train one with: pullquote train-sentiment --data FILE --out server/src/main/resources"
                + RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new IllegalStateException(
          "the bundled sentiment model cannot be read: " + e.getMessage(), e);
    }
  }

  /** The JSON metadata written with the model: data, row counts, date and figures reached. */
  public String metadata() {
    return metadata;
  }

  public int featureCount() {
    return p.hashes().length;
  }

  /** The two heads' calibrated log-odds for a text. */
  public LogOdds logits(String text) {
    return logits(match(text));
  }

  private LogOdds logits(Matches matches) {
    double polarityLogit = p.polarityBias();
    double mixedLogit = p.mixedBias();
    for (int i = 0; i < matches.count; i++) {
      polarityLogit += weights.polarity(matches.slots[i]);
      mixedLogit += weights.mixedness(matches.slots[i]);
    }
    return new LogOdds(
        p.polarityScale() * polarityLogit + p.polarityShift(),
        p.mixedScale() * mixedLogit + p.mixedShift());
  }

  @Override
  public Prediction classify(String text) {
    return classify(
        text, LogOdds.NONE, 0, Cuts.of(p.mixedThreshold(), p.positiveCut(), p.negativeCut()));
  }

  /**
   * Classifies with another model's log-odds added to this one's (the mixed sum scaled by the cuts'
   * {@code mixedScale}) and that model's negative head, under that pair's cuts. The evidence stays
   * this model's words: the ones that pushed toward the class decided.
   *
   * @param negativeHead the other model's P(a score under 40), 0 for none
   */
  public Prediction classify(String text, LogOdds added, double negativeHead, Cuts cuts) {
    Matches matches = match(text);
    LogOdds sum = logits(matches).plus(added);
    double positiveVsNegative = LogisticRegression.sigmoid(sum.polarity());
    double mixed = LogisticRegression.sigmoid(cuts.mixedScale() * sum.mixed());
    double positive = (1 - mixed) * positiveVsNegative;
    double negative = (1 - mixed) * (1 - positiveVsNegative);
    Sentiment sentiment = decide(positiveVsNegative, mixed, negativeHead, cuts);
    double confidence =
        switch (sentiment) {
          case POSITIVE -> positive;
          case MIXED -> mixed;
          case NEGATIVE -> negative;
        };
    return new Prediction(
        sentiment, confidence, positive, mixed, negative, evidence(matches, sentiment));
  }

  /**
   * The three-class rule: negative when P(positive) is below the negative cut, or when the negative
   * head votes for it and P(positive) is below the positive cut; else mixed when P(mixed) reaches
   * its threshold or P(positive) is below the positive cut; else positive.
   */
  static Sentiment decide(double positiveVsNegative, double mixed, double negativeHead, Cuts cuts) {
    boolean notPositive = positiveVsNegative < cuts.positiveCut();
    if (positiveVsNegative < cuts.negativeCut()
        || (notPositive && cuts.negativeHeadVotes(negativeHead))) {
      return Sentiment.NEGATIVE;
    }
    if (mixed >= cuts.mixedThreshold() || notPositive) {
      return Sentiment.MIXED;
    }
    return Sentiment.POSITIVE;
  }

  /** The P(positive) of the polarity head alone, the score the two-threshold baseline cuts. */
  double positiveVsNegative(String text) {
    Matches matches = match(text);
    double z = p.polarityBias();
    for (int i = 0; i < matches.count; i++) {
      z += weights.polarity(matches.slots[i]);
    }
    return LogisticRegression.sigmoid(p.polarityScale() * z + p.polarityShift());
  }

  /**
   * The model's features found in a text: each slot once, with the phrase it first came from. It
   * first hears the text's feature hashes, then {@link #lookUp} turns them into slots in place.
   */
  private static final class Matches implements FeatureHashes.Sink {
    final List<String> words;
    int[] slots = new int[256];
    int[] phrases = new int[256];
    int count;
    private int[] seen;

    Matches(List<String> words) {
      this.words = words;
    }

    @Override
    public void feature(int hash, int phrase) {
      if (count == slots.length) {
        slots = Arrays.copyOf(slots, count * 2);
        phrases = Arrays.copyOf(phrases, count * 2);
      }
      slots[count] = hash;
      phrases[count++] = phrase;
    }

    /** Replaces the hashes by their slots, keeping each slot found once, in order. */
    void lookUp(WeightTable weights) {
      // All lookups in one tight loop, apart from what is done with their results: they do not
      // depend on each other, so the processor overlaps their cache misses, which are most of
      // the cost of classifying (the table is megabytes; indexing evicts it from the cache).
      for (int i = 0; i < count; i++) {
        slots[i] = weights.find(slots[i]);
      }
      seen = new int[Integer.highestOneBit(Math.max(1, count)) << 2];
      int kept = 0;
      for (int i = 0; i < count; i++) {
        if (slots[i] >= 0 && firstSight(slots[i])) {
          slots[kept] = slots[i];
          phrases[kept++] = phrases[i];
        }
      }
      count = kept;
    }

    /** Adds to an open-addressing set of slot + 1, at most half full; false when already in. */
    private boolean firstSight(int slot) {
      int mask = seen.length - 1;
      int i = (slot * 0x9E3779B9) >>> 7 & mask;
      while (seen[i] != 0) {
        if (seen[i] == slot + 1) {
          return false;
        }
        i = (i + 1) & mask;
      }
      seen[i] = slot + 1;
      return true;
    }
  }

  private Matches match(String text) {
    Matches matches = new Matches(TextFeatures.words(text));
    FeatureHashes.forEach(matches.words, matches);
    matches.lookUp(weights);
    return matches;
  }

  /**
   * The phrases of the text that pushed most toward the chosen class. Character grams speak for the
   * word they came from, so "…slog" and "dull…" count as "slog" and "dull".
   */
  private List<String> evidence(Matches matches, Sentiment sentiment) {
    // Phrase codes run from -n (bigrams) to n - 1 (words); one array cell each, no boxing: this
    // runs for every review the model classifies at index time.
    int n = matches.words.size();
    double[] pushes = new double[2 * n + 1];
    for (int i = 0; i < matches.count; i++) {
      int slot = matches.slots[i];
      double w =
          switch (sentiment) {
            case POSITIVE -> weights.polarity(slot);
            case NEGATIVE -> -weights.polarity(slot);
            case MIXED -> weights.mixedness(slot);
          };
      pushes[matches.phrases[i] + n] += w;
    }
    List<String> evidence = new ArrayList<>(EVIDENCE);
    while (evidence.size() < EVIDENCE) {
      int best = strongest(pushes);
      if (best < 0) {
        break;
      }
      pushes[best] = 0;
      String readable = TextFeatures.readable(FeatureHashes.phraseOf(best - n, matches.words));
      // A bigram that repeats a word already shown says nothing new.
      if (evidence.stream().noneMatch(e -> e.contains(readable) || readable.contains(e))) {
        evidence.add(readable);
      }
    }
    return evidence;
  }

  /** The cell with the largest positive push, the lower phrase code on ties; -1 when none. */
  private static int strongest(double[] pushes) {
    int best = -1;
    for (int i = 0; i < pushes.length; i++) {
      if (pushes[i] > 0 && (best < 0 || pushes[i] > pushes[best])) {
        best = i;
      }
    }
    return best;
  }

  /** The feature's slot key: Java's specified String hash, stable across JVMs and runs. */
  static int hash(String feature) {
    return feature.hashCode();
  }

  /** Writes the model; the same model always gives the same bytes. */
  public void writeTo(OutputStream out) throws IOException {
    ModelFile.write(p, metadata, out);
  }

  /** Reads a model written by {@link #writeTo}. */
  public static LinearSentimentModel read(InputStream in) throws IOException {
    ModelFile.Contents contents = ModelFile.read(in);
    return new LinearSentimentModel(contents.parameters(), contents.metadata());
  }
}
