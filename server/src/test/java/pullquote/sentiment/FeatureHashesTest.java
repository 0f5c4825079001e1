package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureHashesTest {

  @Test
  void hashesAreThoseOfTheFeatureStringsInTheSameOrder() {
    for (String text :
        new String[] {
          "It is not dull, but it isn't great either.", "A", "", "Clichéd <b>fun</b> x y z"
        }) {
      List<String> words = TextFeatures.words(text);
      List<Integer> hashes = new ArrayList<>();
      FeatureHashes.forEach(words, (hash, phrase) -> hashes.add(hash));
      assertThat(hashes)
          .containsExactlyElementsOf(
              TextFeatures.features(text).stream().map(String::hashCode).toList());
    }
  }

  @Test
  void phrasesNameTheWordOrBigramAFeatureCameFrom() {
    List<String> words = TextFeatures.words("not dull at all");
    assertThat(FeatureHashes.phraseOf(1, words)).isEqualTo("not_dull");
    assertThat(FeatureHashes.phraseOf(-3, words)).isEqualTo("not_dull not_at");
  }
}
