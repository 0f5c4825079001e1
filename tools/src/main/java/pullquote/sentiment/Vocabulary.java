package pullquote.sentiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import pullquote.sentiment.TrainingCorpus.Excerpt;

/**
 * The features seen in at least {@link SentimentTrainer#MIN_DOCUMENT_FREQUENCY} training excerpts.
 */
record Vocabulary(Map<String, Integer> index, List<String> features) {
  static Vocabulary of(List<Excerpt> excerpts) {
    Map<String, Integer> df = new HashMap<>();
    for (Excerpt e : excerpts) {
      for (String f : new HashSet<>(TextFeatures.features(e.text()))) {
        df.merge(f, 1, Integer::sum);
      }
    }
    List<String> kept =
        new ArrayList<>(
            df.entrySet().stream()
                .filter(x -> x.getValue() >= SentimentTrainer.MIN_DOCUMENT_FREQUENCY)
                .map(Map.Entry::getKey)
                .sorted()
                .toList());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < kept.size(); i++) {
      index.put(kept.get(i), i);
    }
    return new Vocabulary(index, kept);
  }

  int size() {
    return features.size();
  }

  int[] encode(String text) {
    return TextFeatures.features(text).stream()
        .map(index::get)
        .filter(i -> i != null)
        .mapToInt(Integer::intValue)
        .distinct()
        .sorted()
        .toArray();
  }
}
