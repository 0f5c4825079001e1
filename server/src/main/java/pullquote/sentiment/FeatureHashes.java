package pullquote.sentiment;

import java.util.List;

/**
 * The hashes of {@link TextFeatures#features} computed straight from the words, without building a
 * string per feature: each equals {@code feature.hashCode()}, so training (which works on strings)
 * and classification (which works on these) meet in the same slots.
 */
final class FeatureHashes {

  /** Hears each feature's hash and the phrase it belongs to (see {@link #phraseOf}). */
  interface Sink {
    void feature(int hash, int phrase);
  }

  private FeatureHashes() {}

  /**
   * Reports every feature of the words, in the order {@link TextFeatures#features} lists them.
   * Phrase codes: {@code i} for word i (its unigram and character grams), {@code -(i + 1)} for the
   * bigram ending at word i.
   */
  static void forEach(List<String> words, Sink sink) {
    for (int i = 0; i < words.size(); i++) {
      sink.feature(words.get(i).hashCode(), i);
    }
    for (int i = 1; i < words.size(); i++) {
      int h = words.get(i - 1).hashCode();
      h = 31 * h + TextFeatures.BIGRAM;
      h = continueHash(h, words.get(i), 0, words.get(i).length());
      sink.feature(h, -(i + 1));
    }
    int n = TextFeatures.CHAR_GRAM;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      int padded = word.length() + 2;
      for (int start = 0; start + n <= padded; start++) {
        int h = TextFeatures.CHARS.hashCode();
        for (int k = start; k < start + n; k++) {
          h = 31 * h + (k == 0 ? '<' : k == padded - 1 ? '>' : word.charAt(k - 1));
        }
        sink.feature(h, i);
      }
    }
  }

  /** The phrase a code stands for: a word, or two words joined as a bigram. */
  static String phraseOf(int phrase, List<String> words) {
    if (phrase >= 0) {
      return words.get(phrase);
    }
    int end = -phrase - 1;
    return words.get(end - 1) + TextFeatures.BIGRAM + words.get(end);
  }

  private static int continueHash(int h, String s, int from, int to) {
    for (int k = from; k < to; k++) {
      h = 31 * h + s.charAt(k);
    }
    return h;
  }
}
