package pullquote.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pullquote.search.Expansion;
import pullquote.search.SearchResponse;
import pullquote.search.SuggestedFilter;

/** What the forgiving search box did to a query, as lines for the terminal. */
final class ForgivenLines {

  private ForgivenLines() {}

  static List<String> of(SearchResponse response) {
    List<String> lines = new ArrayList<>();
    if (response.relaxed() != null) {
      var relaxed = response.relaxed();
      lines.add(
          "No review has all of \""
              + response.query().strip()
              + "\"; showing reviews with most of them"
              + (relaxed.unknown().isEmpty()
                  ? ""
                  : "; not found anywhere: " + String.join(", ", relaxed.unknown())));
    }
    for (Expansion expansion : response.expansions()) {
      lines.add(
          "Also matched "
              + String.join(", ", expansion.forms())
              + " ("
              + expansion.kind()
              + " of "
              + expansion.word()
              + ")");
    }
    if (response.didYouMean() != null) {
      lines.add("Did you mean: " + response.didYouMean());
    }
    for (SuggestedFilter filter : response.suggestedFilters()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%s is a %s (%,d review%s): --%s \"%s\" lists them",
              filter.value(),
              filter.parameter(),
              filter.reviews(),
              filter.reviews() == 1 ? "" : "s",
              filter.parameter(),
              filter.value()));
    }
    return List.copyOf(lines);
  }
}
