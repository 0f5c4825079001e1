package pullquote.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import pullquote.search.Forgiveness;

/** How far the search box forgives: the options every command that searches shares. */
final class ForgivenessOptions {

  @Option(
      names = "--typo-min-one",
      paramLabel = "N",
      description = "Words of N letters or more match words one edit away (default: 5).")
  int oneTypoFrom = Forgiveness.DEFAULT.oneTypoFrom();

  @Option(
      names = "--typo-min-two",
      paramLabel = "N",
      description = "Words of N letters or more match words two edits away (default: 9).")
  int twoTyposFrom = Forgiveness.DEFAULT.twoTyposFrom();

  @Option(
      names = "--max-expansions",
      paramLabel = "N",
      description = "Most other forms one word may match, most frequent first (default: 50).")
  int maxExpansions = Forgiveness.DEFAULT.maxExpansions();

  @Option(
      names = "--typos-below",
      paramLabel = "N",
      description =
          "Try typo neighbours only when the words as typed find fewer than N reviews"
              + " (default: 1: only when they find none; 0: never).")
  int typosBelow = Forgiveness.DEFAULT.typosBelow();

  @Option(
      names = "--synonyms-below",
      paramLabel = "N",
      description =
          "Match words in critic, publication and work names too, and near-synonyms (film for"
              + " movie), when the words as typed find fewer than N reviews (default: 20; 0: never).")
  int synonymsBelow = Forgiveness.DEFAULT.synonymsBelow();

  Forgiveness forgiveness(CommandLine commandLine) {
    try {
      return new Forgiveness(oneTypoFrom, twoTyposFrom, maxExpansions, typosBelow, synonymsBelow);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }
}
