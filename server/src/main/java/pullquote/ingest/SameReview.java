package pullquote.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The rule for when two records are one review: the same work and the same text once both are
 * normalised, and the same critic, or no critic on one side. Normalising removes only what exports
 * disagree on without the review changing: letter case, accents, typographic quotes and dashes, and
 * white space. A critic's name also loses its initials ("Sean P. Means" is "Sean Means"). An
 * uncredited copy joins a credited one only when one critic alone has that text on that work; two
 * critics with the same text stay two reviews, and so do their uncredited copies.
 */
final class SameReview {

  private SameReview() {}

  /** The key of a work title or a text: folded as the rule says. */
  static String fold(String value) {
    StringBuilder out = new StringBuilder(value.length());
    fold(value, out::append);
    return out.toString();
  }

  /** Where folded characters go: a key being built, or a hash being taken. */
  private interface Folded {
    void put(char c);
  }

  private static void fold(String value, Folded out) {
    // Most texts are ASCII, which decomposition leaves as it is; the scan folds every text.
    String decomposed = ascii(value) ? value : Normalizer.normalize(value, Normalizer.Form.NFKD);
    boolean started = false;
    boolean space = false;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = started;
        continue;
      }
      if (space) {
        out.put(' ');
        space = false;
      }
      started = true;
      char lower = Character.toLowerCase(c);
      if (lower < 0x80) {
        out.put(lower);
      } else {
        String plain = plain(lower);
        for (int j = 0; j < plain.length(); j++) {
          out.put(plain.charAt(j));
        }
      }
    }
  }

  /**
   * A 64-bit hash (FNV-1a) of {@link #workAndText}, taken as the characters are folded: the scan
   * hashes every record and builds no key.
   */
  static long hash(String work, String text) {
    long[] h = {0xcbf29ce484222325L};
    Folded fnv =
        c -> {
          h[0] ^= c;
          h[0] *= 0x100000001b3L;
        };
    fold(work, fnv);
    fnv.put('\u0000');
    fold(text, fnv);
    return h[0];
  }

  private static boolean ascii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** One spelling for the quote marks, dashes and ellipses that exports render differently. */
  private static String plain(char c) {
    return switch (c) {
      case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`', '\u00B4' -> "'";
      case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> "\"";
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> "-";
      case '\u2026' -> "...";
      default -> String.valueOf(c);
    };
  }

  /**
   * The key of a critic's name: its folded words without initials, or all its words when it is only
   * initials; null for an uncredited review.
   */
  static String critic(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String[] words = fold(name).split("[^\\p{L}\\p{N}]+");
    List<String> kept = new ArrayList<>();
    for (String word : words) {
      if (word.length() > 1) {
        kept.add(word);
      }
    }
    return String.join(" ", kept.isEmpty() ? List.of(words) : kept).strip();
  }

  /** What copies of one review share whatever their critics: the work and the text, folded. */
  static String workAndText(String work, String text) {
    return fold(work) + '\u0000' + fold(text);
  }

  /**
   * Splits copies, in the order they were read, into reviews: each group is one review, in the
   * order of its first copy. Copies that merely share a hash are told apart here.
   */
  static List<List<Review>> groups(List<Review> copies) {
    Map<Review, Integer> order = new IdentityHashMap<>();
    Map<String, List<Review>> byWorkAndText = new LinkedHashMap<>();
    for (Review copy : copies) {
      order.put(copy, order.size());
      byWorkAndText
          .computeIfAbsent(workAndText(copy.work(), copy.text()), k -> new ArrayList<>())
          .add(copy);
    }
    List<List<Review>> groups = new ArrayList<>();
    for (List<Review> sameText : byWorkAndText.values()) {
      groups.addAll(byCritic(sameText));
    }
    Comparator<Review> read = Comparator.comparing(order::get);
    groups.forEach(group -> group.sort(read));
    groups.sort(Comparator.comparing(List::getFirst, read));
    return groups;
  }

  /** Copies of one text on one work, split by critic; uncredited ones as the rule says. */
  private static List<List<Review>> byCritic(List<Review> sameText) {
    Map<String, List<Review>> credited = new LinkedHashMap<>();
    List<Review> uncredited = new ArrayList<>();
    for (Review copy : sameText) {
      String critic = critic(copy.critic());
      if (critic == null) {
        uncredited.add(copy);
      } else {
        credited.computeIfAbsent(critic, k -> new ArrayList<>()).add(copy);
      }
    }
    List<List<Review>> groups = new ArrayList<>(credited.values());
    if (uncredited.isEmpty()) {
      return groups;
    }
    if (groups.size() == 1) {
      groups.getFirst().addAll(uncredited);
    } else {
      groups.add(uncredited);
    }
    return groups;
  }

  /**
   * One review from its copies: the first copy's id (the others become aliases), its place in the
   * input, and the best-known values: the score, grade and sentiment of the copy with the strongest
   * evidence (a score over a label over the model), and a critic, publication and date from the
   * first copy that has one.
   *
   * @param copies two or more copies, in the order they were read
   */
  static Review merge(List<Review> copies) {
    Review first = copies.getFirst();
    Review best = copies.getFirst();
    for (Review copy : copies) {
      if (evidence(copy) < evidence(best)) {
        best = copy;
      }
    }
    List<String> aliases = new ArrayList<>();
    for (Review copy : copies.subList(1, copies.size())) {
      aliases.add(copy.id());
      aliases.addAll(copy.aliases());
    }
    aliases.addAll(first.aliases());
    return new Review(
        first.id(),
        best.work(),
        known(best, copies, Review::critic),
        known(best, copies, Review::publication),
        known(best, copies, Review::date),
        best.scoreRaw(),
        best.score(),
        best.sentiment(),
        best.sentimentSource(),
        best.sentimentConfidence(),
        best.sentimentEvidence(),
        best.text(),
        first.source(),
        first.position(),
        aliases);
  }

  /** Lower is stronger: a score, then the source of the sentiment. */
  private static int evidence(Review copy) {
    return (copy.score() == null ? 10 : 0) + copy.sentimentSource().ordinal();
  }

  /** The best copy's value, else the first copy's that has one; a blank name is none. */
  private static <T> T known(Review best, List<Review> copies, Function<Review, T> value) {
    return Stream.concat(Stream.of(best), copies.stream())
        .map(value)
        .filter(v -> v != null && !(v instanceof String s && s.isBlank()))
        .findFirst()
        .orElse(null);
  }

  /** Where the copies disagree on a value more than one has, as "score 80 / 90". */
  static List<String> disagreements(List<Review> copies) {
    List<String> found = new ArrayList<>();
    differing(copies, "score", Review::score, String::valueOf, found);
    differing(copies, "date", Review::date, String::valueOf, found);
    differing(copies, "publication", Review::publication, SameReview::fold, found);
    differing(copies, "critic", Review::critic, SameReview::critic, found);
    return found;
  }

  /** Values that differ by their keys, each shown as the first copy with that key wrote it. */
  private static <T> void differing(
      List<Review> copies,
      String name,
      Function<Review, T> value,
      Function<T, String> key,
      List<String> found) {
    Map<String, T> byKey = new LinkedHashMap<>();
    for (Review copy : copies) {
      T v = value.apply(copy);
      if (v != null) {
        byKey.putIfAbsent(key.apply(v), v);
      }
    }
    if (byKey.size() > 1) {
      found.add(
          name + " " + String.join(" / ", byKey.values().stream().map(String::valueOf).toList()));
    }
  }
}
