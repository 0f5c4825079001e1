package pullquote.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.index.IndexLayout;
import pullquote.search.CriticDirectory;
import pullquote.search.CriticSuggestion;
import pullquote.testing.TestIndexes;

/**
 * Critic autocomplete over a handwritten fixture: Egbert Mills 5 reviews, Roger Ebert 4, Manohla
 * Dargis 3, A.O. Scott 2, Sam Ebert 2, Andrew O'Hehir 1, Ebert Smith 1, Élodie Marchand 1.
 */
class CriticDirectoryTest {

  private static final Path CRITICS =
      Path.of("server", "src", "test", "resources", "fixtures", "search", "critics.jsonl");

  @TempDir static Path dir;

  private static CriticDirectory critics;

  @BeforeAll
  static void buildDirectory() throws Exception {
    TestIndexes.build(dir, CRITICS);
    Path generation = new IndexLayout(dir).current().orElseThrow();
    try (var reader = DirectoryReader.open(FSDirectory.open(generation))) {
      critics = CriticCounts.directory(reader);
    }
  }

  private static List<String> names(String prefix, int limit) {
    return critics.suggest(prefix, limit).stream().map(CriticSuggestion::name).toList();
  }

  private static List<String> names(String prefix) {
    return names(prefix, 10);
  }

  @Test
  void anEmptyPrefixListsTheMostReviewingCriticsThenByName() {
    assertThat(names(""))
        .containsExactly(
            "Egbert Mills",
            "Roger Ebert",
            "Manohla Dargis",
            "A.O. Scott",
            "Sam Ebert",
            "Andrew O'Hehir",
            "Ebert Smith",
            "Élodie Marchand");
    assertThat(names(null, 3)).containsExactly("Egbert Mills", "Roger Ebert", "Manohla Dargis");
  }

  @Test
  void suggestionsCarryReviewCountsAndSentimentMix() {
    CriticSuggestion ebert = critics.suggest("roger", 10).get(0);
    assertThat(ebert.name()).isEqualTo("Roger Ebert");
    assertThat(ebert.reviews()).isEqualTo(4);
    assertThat(ebert.sentiment()).containsEntry("positive", 3L).containsEntry("negative", 1L);
  }

  @Test
  void aWordStartMatchesWithoutAnEditAsBefore() {
    assertThat(names("eber")).startsWith("Roger Ebert", "Sam Ebert", "Ebert Smith");
    assertThat(names("mar")).containsExactly("Élodie Marchand");
  }

  @Test
  void caseAndAccentsAreIgnored() {
    assertThat(names("ÉLO")).containsExactly("Élodie Marchand");
    assertThat(names("elodie MARCH")).containsExactly("Élodie Marchand");
  }

  @Test
  void namesSplitAtApostrophesAndFullStops() {
    for (String typed : List.of("o'hehir", "hehir", "o", "ohehir", "andrew o'h")) {
      assertThat(names(typed)).as(typed).contains("Andrew O'Hehir");
    }
    assertThat(names("a.o. scott")).containsExactly("A.O. Scott");
    assertThat(names("ao scott")).containsExactly("A.O. Scott");
    assertThat(names("a o scott")).containsExactly("A.O. Scott");
  }

  @Test
  void aTypoOfOneEditFindsTheCritic() {
    assertThat(names("ebrt")).containsExactly("Roger Ebert", "Sam Ebert", "Ebert Smith");
    assertThat(names("rogre")).containsExactly("Roger Ebert");
    assertThat(names("mnohla")).containsExactly("Manohla Dargis");
  }

  @Test
  void aThreeLetterTypoDoesNotMatch() {
    assertThat(names("ebr")).isEmpty();
    assertThat(names("sot")).isEmpty();
  }

  @Test
  void twoEditsAreForgivenOnlyFromEightLetters() {
    assertThat(names("mrachnad")).containsExactly("Élodie Marchand");
    assertThat(names("mrachna")).isEmpty();
  }

  @Test
  void everyTypedWordMustStartADifferentWordOfTheName() {
    assertThat(names("r ebert")).containsExactly("Roger Ebert");
    assertThat(names("r. ebert")).containsExactly("Roger Ebert");
    assertThat(names("roger eb")).containsExactly("Roger Ebert");
    assertThat(names("ebert roger")).containsExactly("Roger Ebert");
    assertThat(names("mnohla dargis")).containsExactly("Manohla Dargis");
    assertThat(names("ebert ebert")).isEmpty();
  }

  @Test
  void oneUnmatchedTypedWordMatchesNothing() {
    assertThat(names("roger smith")).isEmpty();
    assertThat(names("roger zzz")).isEmpty();
  }

  @Test
  void typedWordsInTheNamesOrderRankBeforeOtherOrders() {
    // Sam Ebert has more reviews, but "ebert s" starts Ebert Smith's words in their order.
    assertThat(names("ebert s")).containsExactly("Ebert Smith", "Sam Ebert");
  }

  @Test
  void exactMatchesRankBeforeFuzzyOnesWhateverTheirReviews() {
    // Egbert Mills (5 reviews, one edit from "ebert") comes after every exact match.
    assertThat(names("ebert"))
        .containsExactly("Roger Ebert", "Sam Ebert", "Ebert Smith", "Egbert Mills");
  }

  @Test
  void aTightLimitNeverDropsAnExactMatchForAFuzzyOne() {
    assertThat(names("ebert", 3)).containsExactly("Roger Ebert", "Sam Ebert", "Ebert Smith");
    assertThat(names("ebert", 1)).containsExactly("Roger Ebert");
    assertThat(names("ebrt", 2)).containsExactly("Roger Ebert", "Sam Ebert");
  }
}
