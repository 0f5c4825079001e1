package pullquote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

/**
 * The merge rule on random mixes of copies and near-copies. Every value is drawn from a pool whose
 * entries carry a tag: entries with one tag say the same thing (they differ only in case, accents,
 * quote marks, white space or a critic's initial), entries with different tags say something else,
 * if only by a full stop. Each copy is then written anew with random case and spacing. The rule
 * must merge exactly the copies whose tags agree.
 */
class SameReviewPropertiesTest {

  private record Tagged(String value, int tag) {}

  private static final List<Tagged> WORKS =
      List.of(
          new Tagged("Rear Window", 0), new Tagged("REAR  WINDOW", 0), new Tagged("Vertigo", 1));

  /** Tag -1: uncredited. */
  private static final List<Tagged> CRITICS =
      List.of(
          new Tagged(null, -1),
          new Tagged("", -1),
          new Tagged("Mike Clark", 0),
          new Tagged("Mike J. Clark", 0),
          new Tagged("Ann Lée", 1),
          new Tagged("Ann Lee", 1),
          new Tagged("Anne Lee", 2));

  private static final List<Tagged> TEXTS =
      List.of(
          new Tagged("Masterpiece!", 0),
          new Tagged("Masterpiece.", 1),
          new Tagged("A masterpiece!", 2),
          new Tagged("It's nearly flawless.", 3),
          new Tagged("It\u2019s nearly flawless.", 3),
          new Tagged("Its nearly flawless.", 4),
          new Tagged("It's nearly flawless", 5),
          new Tagged("Caf\u00e9 society \u2014 at its best.", 6),
          new Tagged("Cafe society - at its best.", 6),
          new Tagged("Cafe society at its best.", 7));

  /** One copy and the tags of what it says. */
  private record Copy(Review review, int work, int critic, int text) {}

  @Provide
  Arbitrary<List<Copy>> copies() {
    Arbitrary<Copy> copy =
        Combinators.combine(
                Arbitraries.integers().between(0, WORKS.size() - 1),
                Arbitraries.integers().between(0, CRITICS.size() - 1),
                Arbitraries.integers().between(0, TEXTS.size() - 1),
                Arbitraries.longs(),
                Arbitraries.integers().between(0, 100).injectNull(0.5))
            .as(SameReviewPropertiesTest::copy);
    return copy.list().ofMinSize(1).ofMaxSize(14).map(SameReviewPropertiesTest::numbered);
  }

  private static Copy copy(int work, int critic, int text, long seed, Integer score) {
    Random random = new Random(seed);
    Tagged w = WORKS.get(work);
    Tagged c = CRITICS.get(critic);
    Tagged t = TEXTS.get(text);
    Review review =
        new Review(
            "tmp",
            respell(w.value(), random),
            c.value() == null ? null : respell(c.value(), random),
            null,
            null,
            null,
            score,
            Sentiment.POSITIVE,
            score == null ? SentimentSource.LABEL : SentimentSource.SCORE,
            null,
            List.of(),
            respell(t.value(), random),
            "test",
            1);
    return new Copy(review, w.tag(), c.tag(), t.tag());
  }

  /** The same words in random case, with random runs of (no-break) spaces around and between. */
  private static String respell(String value, Random random) {
    StringBuilder out = new StringBuilder(random.nextBoolean() ? " " : "");
    for (char ch : value.toCharArray()) {
      if (ch == ' ') {
        out.append(random.nextBoolean() ? "  " : random.nextBoolean() ? "\u00a0" : " ");
      } else {
        out.append(random.nextBoolean() ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
      }
    }
    return out.append(random.nextBoolean() ? "\t" : "").toString();
  }

  /** Gives the copies their ids, c0, c1, ..., in reading order. */
  private static List<Copy> numbered(List<Copy> copies) {
    List<Copy> out = new ArrayList<>();
    for (Copy c : copies) {
      Review r = c.review();
      out.add(
          new Copy(
              new Review(
                  "c" + out.size(),
                  r.work(),
                  r.critic(),
                  r.publication(),
                  r.date(),
                  r.scoreRaw(),
                  r.score(),
                  r.sentiment(),
                  r.sentimentSource(),
                  r.sentimentConfidence(),
                  r.sentimentEvidence(),
                  r.text(),
                  r.source(),
                  r.position()),
              c.work(),
              c.critic(),
              c.text()));
    }
    return out;
  }

  private static Map<String, Copy> byId(List<Copy> copies) {
    Map<String, Copy> map = new HashMap<>();
    copies.forEach(c -> map.put(c.review().id(), c));
    return map;
  }

  private static List<List<Copy>> groups(List<Copy> copies) {
    Map<String, Copy> byId = byId(copies);
    return SameReview.groups(copies.stream().map(Copy::review).toList()).stream()
        .map(g -> g.stream().map(r -> byId.get(r.id())).toList())
        .toList();
  }

  @Property(tries = 2000)
  void neverMergesCopiesThatSaySomethingElse(@ForAll("copies") List<Copy> copies) {
    for (List<Copy> group : groups(copies)) {
      assertThat(group.stream().map(Copy::work).distinct()).hasSize(1);
      assertThat(group.stream().map(Copy::text).distinct()).hasSize(1);
      assertThat(group.stream().map(Copy::critic).filter(c -> c >= 0).distinct())
          .hasSizeLessThan(2);
    }
  }

  @Property(tries = 2000)
  void alwaysMergesCopiesOfOneCreditedReview(@ForAll("copies") List<Copy> copies) {
    Map<List<Integer>, Set<Integer>> groupsOfReview = new HashMap<>();
    List<List<Copy>> groups = groups(copies);
    for (int g = 0; g < groups.size(); g++) {
      for (Copy c : groups.get(g)) {
        if (c.critic() >= 0) {
          groupsOfReview
              .computeIfAbsent(List.of(c.work(), c.critic(), c.text()), k -> new HashSet<>())
              .add(g);
        }
      }
    }
    assertThat(groupsOfReview.values()).allSatisfy(g -> assertThat(g).hasSize(1));
  }

  @Property(tries = 1000)
  void copiesOfOneReviewShareTheHashTheFirstPassFindsThemBy(@ForAll("copies") List<Copy> copies) {
    for (List<Copy> group : groups(copies)) {
      assertThat(group.stream().map(c -> SameReview.hash(c.review().work(), c.review().text())))
          .as("hashes of %s", group)
          .hasSize(group.size())
          .containsOnly(
              SameReview.hash(group.getFirst().review().work(), group.getFirst().review().text()));
    }
  }

  @Property(tries = 2000)
  void anUncreditedCopyJoinsACriticOnlyWhenOneCriticAloneWroteThatText(
      @ForAll("copies") List<Copy> copies) {
    for (List<Copy> group : groups(copies)) {
      boolean credited = group.stream().anyMatch(c -> c.critic() >= 0);
      boolean uncredited = group.stream().anyMatch(c -> c.critic() < 0);
      if (credited && uncredited) {
        Copy any = group.getFirst();
        long critics =
            copies.stream()
                .filter(c -> c.work() == any.work() && c.text() == any.text() && c.critic() >= 0)
                .map(Copy::critic)
                .distinct()
                .count();
        assertThat(critics).isEqualTo(1);
      }
    }
  }

  @Property(tries = 1000)
  void everyCopyIsInOneGroupInReadingOrder(@ForAll("copies") List<Copy> copies) {
    List<String> seen = new ArrayList<>();
    List<String> firsts = new ArrayList<>();
    for (List<Copy> group : groups(copies)) {
      List<Integer> order = group.stream().map(c -> copies.indexOf(c)).toList();
      assertThat(order).isSorted();
      group.forEach(c -> seen.add(c.review().id()));
      firsts.add(group.getFirst().review().id());
    }
    assertThat(seen)
        .containsExactlyInAnyOrderElementsOf(copies.stream().map(c -> c.review().id()).toList());
    assertThat(firsts.stream().map(id -> Integer.parseInt(id.substring(1))).toList()).isSorted();
  }

  @Property(tries = 1000)
  void aMergedReviewIsFoundByEveryIdAndKeepsAScoreWhenAnyCopyHadOne(
      @ForAll("copies") List<Copy> copies) {
    for (List<Copy> group : groups(copies)) {
      if (group.size() < 2) {
        continue;
      }
      List<Review> reviews = group.stream().map(Copy::review).toList();
      Review merged = SameReview.merge(reviews);
      assertThat(merged.id()).isEqualTo(reviews.getFirst().id());
      assertThat(merged.aliases())
          .containsExactlyElementsOf(
              reviews.subList(1, reviews.size()).stream().map(Review::id).toList());
      boolean anyScore = reviews.stream().anyMatch(r -> r.score() != null);
      assertThat(merged.score() != null).isEqualTo(anyScore);
      if (reviews.stream().anyMatch(r -> r.critic() != null && !r.critic().isBlank())) {
        assertThat(merged.critic()).isNotBlank();
      }
    }
  }
}
