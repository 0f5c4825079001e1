package pullquote.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class ReviewAnalyzersTest {

  private final Analyzer analyzer = ReviewAnalyzers.create();

  private List<String> tokens(String field, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void textIsFoldedAndIndexedBothAsWrittenAndStemmed() throws IOException {
    assertThat(tokens(ReviewFields.TEXT, "Clichés")).containsExactly("cliches", "§clich");
    assertThat(tokens(ReviewFields.TEXT, "clichéd")).containsExactly("cliched", "§clich");
    assertThat(tokens(ReviewFields.TEXT, "cliche")).containsExactly("cliche", "§clich");
    assertThat(tokens(ReviewFields.TEXT, "the film’s"))
        .containsExactly("the", "§the", "film", "§film");
  }

  @Test
  void phraseAnalysisKeepsOnlyTheWrittenWords() throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts =
        ReviewAnalyzers.forPhrases().tokenStream(ReviewFields.TEXT, "Ratchets up clichés")) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    assertThat(out).containsExactly("ratchets", "up", "cliches");
  }

  @Test
  void namesAreFoldedButNeverStemmed() throws IOException {
    assertThat(tokens(ReviewFields.CRITIC_WORDS, "Élodie Marchand"))
        .containsExactly("elodie", "marchand");
    assertThat(tokens(ReviewFields.CRITIC_WORDS, "Noel Murray")).containsExactly("noel", "murray");
  }

  @Test
  void exactNamesIgnoreCaseAccentsAndSpacing() {
    assertThat(ReviewAnalyzers.exactName("  Élodie   Marchand ")).isEqualTo("elodie marchand");
    assertThat(ReviewAnalyzers.exactName("Zoë Ørsted")).isEqualTo("zoe orsted");
    assertThat(ReviewAnalyzers.exactName("Łukasz Straße")).isEqualTo("lukasz strasse");
  }
}
