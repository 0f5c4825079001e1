package pullquote.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/** Changes a quote in the way of one {@link QuoteKind}, as a reader misremembers it. */
final class Misremembering {

  private static final int SUBSTITUTE_TRIES = 50;

  private final IndexVocabulary vocabulary;
  private final Counterparts spellings;
  private final Counterparts synonyms;

  Misremembering(IndexVocabulary vocabulary, Counterparts spellings, Counterparts synonyms) {
    this.vocabulary = vocabulary;
    this.spellings = spellings;
    this.synonyms = synonyms;
  }

  /** True when the kind can change this run of the review's words. */
  boolean qualifies(QuoteKind kind, List<String> run, SourceReview review) {
    return switch (kind) {
      case SWAP -> !swappable(run).isEmpty();
      case SURNAME -> review.surname() != null;
      case SUBSTITUTE, EXACT, PHRASE -> true;
      default -> !positions(run, changeable(kind)).isEmpty();
    };
  }

  /**
   * The run as typed by a reader who misremembers it in the kind's way; unchanged for the controls.
   *
   * @return the words typed, or null when the kind cannot change this run
   */
  List<String> apply(QuoteKind kind, List<String> run, SourceReview review, Random random) {
    if (!qualifies(kind, run, review)) {
      return null;
    }
    List<String> typed = new ArrayList<>(run);
    switch (kind) {
      case SWAP -> {
        int at = pick(swappable(run), random);
        typed.set(at, run.get(at + 1));
        typed.set(at + 1, run.get(at));
      }
      case SURNAME -> typed.add(review.surname());
      case SUBSTITUTE -> {
        String other = absentCommonWord(review, random);
        if (other == null) {
          return null;
        }
        typed.set(random.nextInt(run.size()), other);
      }
      case EXACT, PHRASE -> {}
      default -> {
        int at = pick(positions(run, changeable(kind)), random);
        typed.set(at, replacement(kind, run.get(at), random));
      }
    }
    return List.copyOf(typed);
  }

  /** Which words the kind can change in place. */
  private Predicate<String> changeable(QuoteKind kind) {
    return switch (kind) {
      // two-letter words have no inflections worth the name ("in", "ins")
      case INFLECTION -> w -> QuoteWords.isPlain(w, 3) && !vocabulary.inflections(w).isEmpty();
      case TYPO -> Typos::typable;
      case SPELLING -> spellings::has;
      case SYNONYM -> synonyms::has;
      default -> throw new IllegalArgumentException(kind + " changes no word in place");
    };
  }

  private String replacement(QuoteKind kind, String word, Random random) {
    return switch (kind) {
      case INFLECTION -> pick(vocabulary.inflections(word), random);
      case TYPO -> Typos.slip(word, random);
      case SPELLING -> pick(spellings.of(word), random);
      case SYNONYM -> pick(synonyms.of(word), random);
      default -> throw new IllegalArgumentException(kind + " changes no word in place");
    };
  }

  /** Positions i where words i and i + 1 differ. */
  private static List<Integer> swappable(List<String> run) {
    return IntStream.range(0, run.size() - 1)
        .filter(i -> !run.get(i).equals(run.get(i + 1)))
        .boxed()
        .toList();
  }

  private static List<Integer> positions(List<String> run, Predicate<String> changeable) {
    return IntStream.range(0, run.size()).filter(i -> changeable.test(run.get(i))).boxed().toList();
  }

  /** A common word whose stem the review's text does not hold; null if none turns up. */
  private String absentCommonWord(SourceReview review, Random random) {
    List<String> common = vocabulary.common();
    if (common.isEmpty()) {
      return null;
    }
    Set<String> present = vocabulary.stemsOf(review.text());
    for (int i = 0; i < SUBSTITUTE_TRIES; i++) {
      String word = pick(common, random);
      if (!present.contains(vocabulary.stem(word))) {
        return word;
      }
    }
    return null;
  }

  private static <T> T pick(List<T> items, Random random) {
    return items.get(random.nextInt(items.size()));
  }
}
