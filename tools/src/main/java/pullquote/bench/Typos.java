package pullquote.bench;

import java.util.Map;
import java.util.Random;

/** Typing slips: one Damerau edit, with a neighbouring key where a letter is struck wrongly. */
final class Typos {

  /** The four edits, each drawn with equal chance. */
  enum Edit {
    DELETION,
    INSERTION,
    SUBSTITUTION,
    TRANSPOSITION
  }

  /** Each letter's neighbours on a QWERTY keyboard, same row and the rows above and below. */
  private static final Map<Character, String> NEIGHBOURS =
      Map.ofEntries(
          Map.entry('q', "wa"),
          Map.entry('w', "qeas"),
          Map.entry('e', "wrsd"),
          Map.entry('r', "etdf"),
          Map.entry('t', "ryfg"),
          Map.entry('y', "tugh"),
          Map.entry('u', "yihj"),
          Map.entry('i', "uojk"),
          Map.entry('o', "ipkl"),
          Map.entry('p', "ol"),
          Map.entry('a', "qwsz"),
          Map.entry('s', "awedxz"),
          Map.entry('d', "serfcx"),
          Map.entry('f', "drtgvc"),
          Map.entry('g', "ftyhbv"),
          Map.entry('h', "gyujnb"),
          Map.entry('j', "huikmn"),
          Map.entry('k', "jiolm"),
          Map.entry('l', "kop"),
          Map.entry('z', "asx"),
          Map.entry('x', "zsdc"),
          Map.entry('c', "xdfv"),
          Map.entry('v', "cfgb"),
          Map.entry('b', "vghn"),
          Map.entry('n', "bhjm"),
          Map.entry('m', "njk"));

  private Typos() {}

  /**
   * True when the word can take a typo: 4 letters or more, a to z only, not all one letter (so
   * every edit can change it).
   */
  static boolean typable(String word) {
    return QuoteWords.isPlain(word, 4) && word.chars().distinct().count() > 1;
  }

  /**
   * The word with one edit of a kind drawn at random, never the word itself.
   *
   * @param word a {@link #typable} word
   */
  static String slip(String word, Random random) {
    if (!typable(word)) {
      throw new IllegalArgumentException("not a word of 4+ letters a-z: " + word);
    }
    return apply(Edit.values()[random.nextInt(Edit.values().length)], word, random);
  }

  /** One edit of the kind at a random place where it changes the word. */
  static String apply(Edit edit, String word, Random random) {
    StringBuilder out = new StringBuilder(word);
    return switch (edit) {
      case DELETION -> out.deleteCharAt(random.nextInt(word.length())).toString();
      case INSERTION -> {
        // a finger catching the key beside the one it meant, before or after it
        int at = random.nextInt(word.length());
        int after = random.nextInt(2);
        yield out.insert(at + after, neighbour(word.charAt(at), random)).toString();
      }
      case SUBSTITUTION -> {
        int at = random.nextInt(word.length());
        out.setCharAt(at, neighbour(word.charAt(at), random));
        yield out.toString();
      }
      case TRANSPOSITION -> {
        int at = random.nextInt(word.length() - 1);
        while (word.charAt(at) == word.charAt(at + 1)) {
          at = (at + 1) % (word.length() - 1);
        }
        out.setCharAt(at, word.charAt(at + 1));
        out.setCharAt(at + 1, word.charAt(at));
        yield out.toString();
      }
    };
  }

  private static char neighbour(char c, Random random) {
    String keys = NEIGHBOURS.get(c);
    return keys.charAt(random.nextInt(keys.length()));
  }
}
