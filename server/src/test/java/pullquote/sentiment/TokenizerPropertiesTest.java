package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written tokenizer must cut exactly where the regular expression the bundled model was
 * trained with cut, or the model would meet features it never saw.
 */
class TokenizerPropertiesTest {

  private static final Pattern REFERENCE =
      Pattern.compile("[a-z0-9]+(?:'[a-z]+)*|n't|[.,;:!?()\"]");

  @Property(tries = 3000)
  void tokensMatchTheRegularExpressionTheModelWasTrainedWith(@ForAll("reviewish") String text) {
    assertThat(tokens(text)).isEqualTo(reference(text));
  }

  @Property(tries = 1000)
  void anyStringTokenizesLikeTheReference(@ForAll String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    assertThat(tokens(lower)).isEqualTo(reference(lower));
  }

  @Provide
  Arbitrary<String> reviewish() {
    return Arbitraries.strings().withChars("abnt'z09 .,;:!?()\"-&<>é\u2019").ofMaxLength(60);
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    for (int at = 0, end; at < s.length(); at = Math.max(end, at + 1)) {
      end = TextFeatures.tokenEnd(s, at);
      if (end > at) {
        out.add(s.substring(at, end));
      }
    }
    return out;
  }

  private static List<String> reference(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
