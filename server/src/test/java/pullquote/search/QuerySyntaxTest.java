package pullquote.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuerySyntaxTest {

  @Test
  void wordsAreAllRequiredByDefault() {
    var parsed = QuerySyntax.parse("gritty tale");
    assertThat(parsed.root())
        .isEqualTo(
            new QueryNode.And(
                List.of(
                    new QueryNode.Term(null, "gritty", false),
                    new QueryNode.Term(null, "tale", false))));
    assertThat(parsed.warnings()).isEmpty();
  }

  @Test
  void phrasesCarrySlopAndFields() {
    assertThat(QuerySyntax.parse("\"a b\"~3").root())
        .isEqualTo(new QueryNode.Phrase(null, "a b", 3));
    assertThat(QuerySyntax.parse("critic:\"noel murray\"").root())
        .isEqualTo(new QueryNode.Phrase("critic", "noel murray", 0));
    assertThat(QuerySyntax.parse("work:pusher").root())
        .isEqualTo(new QueryNode.Term("work", "pusher", false));
  }

  @Test
  void minusAndNotNegate() {
    assertThat(QuerySyntax.parse("-boring").root())
        .isEqualTo(new QueryNode.Not(new QueryNode.Term(null, "boring", false)));
    assertThat(QuerySyntax.parse("NOT \"x y\"").root())
        .isEqualTo(new QueryNode.Not(new QueryNode.Phrase(null, "x y", 0)));
    assertThat(QuerySyntax.parse("well-made").root())
        .isEqualTo(new QueryNode.Term(null, "well-made", false));
  }

  @Test
  void orBindsLooserThanImplicitAnd() {
    assertThat(QuerySyntax.parse("a b OR c").root())
        .isEqualTo(
            new QueryNode.Or(
                List.of(
                    new QueryNode.And(
                        List.of(
                            new QueryNode.Term(null, "a", false),
                            new QueryNode.Term(null, "b", false))),
                    new QueryNode.Term(null, "c", false))));
  }

  @Test
  void trailingStarIsAPrefix() {
    assertThat(QuerySyntax.parse("opt*").root()).isEqualTo(new QueryNode.Term(null, "opt", true));
  }

  @Test
  void brokenInputIsRecoveredWithWarnings() {
    assertThat(QuerySyntax.parse("\"unclosed phrase").warnings())
        .containsExactly("closed the unclosed quote after \"unclosed phrase\"");
    assertThat(QuerySyntax.parse("(a b").warnings()).containsExactly("closed an unclosed (");
    assertThat(QuerySyntax.parse("a ) b").warnings()).containsExactly("ignored an unmatched )");
    assertThat(QuerySyntax.parse("a OR").warnings())
        .containsExactly("ignored an OR with nothing on one side");
    assertThat(QuerySyntax.parse("critic:").warnings())
        .containsExactly("ignored critic: with no value after it");
    assertThat(QuerySyntax.parse("a -").root()).isEqualTo(new QueryNode.Term(null, "a", false));
    assertThat(QuerySyntax.parse("a -").warnings())
        .containsExactly("ignored a - with nothing after it");
  }

  @Test
  void emptyOrBlankQueryHasNoTree() {
    assertThat(QuerySyntax.parse("   ").root()).isNull();
    assertThat(QuerySyntax.parse("()").root()).isNull();
  }
}
