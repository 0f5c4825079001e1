package pullquote.search.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import pullquote.search.InvalidParameterException;
import pullquote.search.ReviewHit;
import pullquote.search.ReviewSearchService;
import pullquote.sentiment.LinearSentimentModel;

/**
 * Profiles on fixtures/profiles/four-critics.jsonl, pinned to figures worked out by hand, which
 * every backend must give. Four critics review three works, all four each; Cal Cole's Gamma review
 * has a label and no score. A score of 61 or more is positive, 40–60 mixed, 39 or less negative.
 *
 * <pre>
 *          Ann  Ben  Cal    Dee
 *   Alpha   80   60   70     90
 *   Beta    40   50   30     10
 *   Gamma   90   30   fresh  20
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProfilesContract {

  protected static final Path FOUR_CRITICS =
      Path.of("server", "src", "test", "resources", "fixtures", "profiles", "four-critics.jsonl");

  private Profiles profiles;

  protected abstract ReviewSearchService openFourCritics() throws Exception;

  @BeforeAll
  void openBackend() throws Exception {
    profiles = new Profiles(openFourCritics(), LinearSentimentModel.bundled());
  }

  private CriticProfile critic(String name) {
    return profiles.critic(name, "score").orElseThrow();
  }

  /**
   * Ann against the others' mean: Alpha 80 − 73.3 = +6.7, Beta 40 − 30 = +10, Gamma 90 − 25 = +65
   * (Cal's unscored review left out): +27.2 over 3. Ben: −20, +23.3, −25: −7.2 over 3. Cal: −6.7,
   * −3.3, and Gamma unscored: −5.0 over 2.
   */
  @Test
  void generosityIsTheMeanDistanceFromTheOtherCriticsScoresOnTheSameWorks() {
    assertThat(critic("Ann Ames").generosity()).isEqualTo(new CriticProfile.Generosity(27.2, 3));
    assertThat(critic("Ben Bell").generosity()).isEqualTo(new CriticProfile.Generosity(-7.2, 3));
    assertThat(critic("Cal Cole").generosity()).isEqualTo(new CriticProfile.Generosity(-5.0, 2));
  }

  /**
   * The others' majority: Alpha positive for Ann (mixed, pos, pos) and Cal, Beta negative for Ann
   * and Ben, mixed for Cal (mixed, mixed, neg), Gamma negative for Ann and Cal, positive for Ben.
   * Ann agrees on Alpha only (1 of 3), Ben on none, Cal on Alpha only.
   */
  @Test
  void agreementIsHowOftenTheCriticSidesWithMostOfTheOthers() {
    assertThat(critic("Ann Ames").agreement()).isEqualTo(new CriticProfile.Agreement(0.333, 3, 3));
    assertThat(critic("Ben Bell").agreement()).isEqualTo(new CriticProfile.Agreement(0.0, 3, 3));
    assertThat(critic("Cal Cole").agreement()).isEqualTo(new CriticProfile.Agreement(0.333, 3, 3));
  }

  @Test
  void aCriticsProfileCountsTheirReviewsYearsPublicationsAndScores() {
    CriticProfile ann = profiles.critic("ann ames", "score").orElseThrow();
    assertThat(ann.name()).isEqualTo("Ann Ames");
    assertThat(ann.reviews()).isEqualTo(3);
    assertThat(List.of(ann.firstYear(), ann.lastYear())).containsExactly(2019, 2021);
    assertThat(ann.publications())
        .extracting(v -> v.value() + " " + v.count())
        .containsExactly("Daily Lamp 2", "The Evening Lamp 1");
    assertThat(ann.sentiment())
        .containsExactly(entry("positive", 2L), entry("mixed", 1L), entry("negative", 0L));
    assertThat(ann.score()).containsEntry("40", 1L).containsEntry("80", 1L).containsEntry("90", 1L);
    assertThat(ann.meanScore()).isEqualTo(70.0);
    assertThat(ann.mostFavourable())
        .extracting(ReviewHit::id)
        .containsExactly("p-a-gamma", "p-a-alpha");
    assertThat(ann.harshest()).extracting(ReviewHit::id).containsExactly("p-a-beta");
  }

  @Test
  void theWorksACriticReviewedSortByScoreDateOrTitle() {
    assertThat(ids(profiles.critic("Ann Ames", "score").orElseThrow()))
        .containsExactly("p-a-gamma", "p-a-alpha", "p-a-beta");
    assertThat(ids(profiles.critic("Ann Ames", "date").orElseThrow()))
        .containsExactly("p-a-gamma", "p-a-beta", "p-a-alpha");
    assertThat(ids(profiles.critic("Ann Ames", "work").orElseThrow()))
        .containsExactly("p-a-alpha", "p-a-beta", "p-a-gamma");
    assertThatThrownBy(() -> profiles.critic("Ann Ames", "rating"))
        .isInstanceOf(InvalidParameterException.class);
  }

  private static List<String> ids(CriticProfile profile) {
    return profile.works().stream().map(CriticProfile.WorkReviewed::id).toList();
  }

  /**
   * Alpha's scores average 75 (generally favorable); Beta's 32.5 (generally unfavorable, 33); Gamma
   * has three scores, under the four a verdict from scores needs, so its four reviews' mix decides:
   * two positive, two negative, 50 (mixed or average).
   */
  @Test
  void aWorksVerdictIsMetacriticsBandForItsScoresOrElseItsMix() {
    assertThat(profiles.work("Alpha").orElseThrow().verdict())
        .isEqualTo(new WorkProfile.Verdict("Generally favorable reviews", 75, "scores", 4));
    WorkProfile beta = profiles.work("beta").orElseThrow();
    assertThat(beta.verdict())
        .isEqualTo(new WorkProfile.Verdict("Generally unfavorable reviews", 33, "scores", 4));
    assertThat(beta.meanScore()).isEqualTo(32.5);
    WorkProfile gamma = profiles.work("Gamma").orElseThrow();
    assertThat(gamma.verdict())
        .isEqualTo(new WorkProfile.Verdict("Mixed or average reviews", 50, "sentiment", 4));
    assertThat(gamma.meanScore()).isEqualTo(46.7);
    assertThat(gamma.critics())
        .extracting(WorkProfile.CriticOnWork::critic)
        .containsExactly("Ann Ames", "Ben Bell", "Dee Dunn", "Cal Cole");
  }

  @Test
  void pullQuotesAreSentencesOfTheWorksReviewsOnTheirSide() {
    WorkProfile beta = profiles.work("Beta").orElseThrow();
    assertThat(beta.positiveQuotes()).isEmpty();
    assertThat(beta.negativeQuotes())
        .extracting(WorkProfile.PullQuote::id)
        .containsExactlyInAnyOrder("p-c-beta", "p-d-beta");
    assertThat(beta.negativeQuotes())
        .extracting(WorkProfile.PullQuote::confidence)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    WorkProfile alpha = profiles.work("Alpha").orElseThrow();
    assertThat(alpha.positiveQuotes())
        .extracting(WorkProfile.PullQuote::id)
        .containsExactlyInAnyOrder("p-a-alpha", "p-c-alpha", "p-d-alpha");
    for (WorkProfile.PullQuote q : alpha.positiveQuotes()) {
      assertThat(q.sentence().split(" ")).hasSizeGreaterThanOrEqualTo(3);
      assertThat(q.confidence()).isBetween(0.0, 1.0);
      assertThat(q.evidence()).isNotEmpty();
    }
    // "A triumph from start to finish. It is a joy to watch.": one sentence of the two
    assertThat(alpha.positiveQuotes())
        .filteredOn(q -> q.id().equals("p-d-alpha"))
        .extracting(WorkProfile.PullQuote::sentence)
        .containsAnyOf("A triumph from start to finish.", "It is a joy to watch.");
  }

  @Test
  void aNameNoReviewHasHasNoProfile() {
    assertThat(profiles.critic("Nobody Atall", "score")).isEmpty();
    assertThat(profiles.work("Delta")).isEmpty();
  }
}
