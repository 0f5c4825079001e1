package pullquote.sentiment;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises a grade as published (fractions, letter grades, stars, bare numbers) to 0–100. Letters
 * follow Metacritic's mapping.
 */
public final class RatingScale {

  /** How to read a bare number: on a Metacritic page it is already 0–100, in an export unknown. */
  public enum Context {
    PAGE,
    EXPORT
  }

  private static final Map<String, Integer> LETTERS =
      Map.ofEntries(
          Map.entry("A+", 100),
          Map.entry("A", 100),
          Map.entry("A-", 91),
          Map.entry("B+", 83),
          Map.entry("B", 75),
          Map.entry("B-", 67),
          Map.entry("C+", 58),
          Map.entry("C", 50),
          Map.entry("C-", 42),
          Map.entry("D+", 33),
          Map.entry("D", 25),
          Map.entry("D-", 16),
          Map.entry("F+", 8),
          Map.entry("F", 0),
          Map.entry("F-", 0));

  private static final String NUMBER = "(\\d+(?:\\.\\d+)?|\\.\\d+)";
  private static final Pattern FRACTION =
      Pattern.compile(NUMBER + "\\s*(?:/|of|out of)\\s*" + NUMBER + "(?:\\s*stars?)?");
  private static final Pattern STARS_WORD = Pattern.compile(NUMBER + "\\s*stars?");
  private static final Pattern BARE = Pattern.compile(NUMBER + "%?");
  private static final Pattern LETTER = Pattern.compile("([A-F])([+-]?)");
  // Compiled once: String.replaceAll compiled each of these for every review read.
  private static final Pattern END_QUOTES = Pattern.compile("^['\"]+|['\"]+$");
  private static final Pattern PLUS = Pattern.compile("[\\s-]*PLUS$");
  private static final Pattern MINUS = Pattern.compile("[\\s-]*MINUS$");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final int DEFAULT_STAR_SCALE = 5;
  private static final int LARGEST_AMBIGUOUS_BARE_NUMBER = 10;

  private RatingScale() {}

  /** The 0–100 score, or empty when the grade cannot be read with confidence. */
  public static Optional<Integer> normalise(String raw, Context context) {
    if (raw == null) {
      return Optional.empty();
    }
    String grade = END_QUOTES.matcher(raw.strip()).replaceAll("").strip();
    if (grade.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = FRACTION.matcher(grade.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      return ratio(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
    }
    m = STARS_WORD.matcher(grade.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      return ratio(Double.parseDouble(m.group(1)), DEFAULT_STAR_SCALE);
    }
    Optional<Integer> stars = starGlyphs(grade);
    if (stars.isPresent()) {
      return stars;
    }
    m = LETTER.matcher(letterForm(grade));
    if (m.matches()) {
      return Optional.ofNullable(LETTERS.get(m.group(1) + m.group(2)));
    }
    m = BARE.matcher(grade);
    if (m.matches()) {
      return bare(Double.parseDouble(m.group(1)), context, grade.endsWith("%"));
    }
    return Optional.empty();
  }

  /** "B-plus", "C +" and "A minus" all mean the same grade as "B+", "C+" and "A-". */
  private static String letterForm(String grade) {
    String upper = grade.toUpperCase(Locale.ROOT);
    String signed = MINUS.matcher(PLUS.matcher(upper).replaceAll("+")).replaceAll("-");
    return SPACES.matcher(signed).replaceAll("");
  }

  private static Optional<Integer> bare(double value, Context context, boolean percent) {
    // "7" in an export could be 7/10 or 7/100; guessing would file reviews under the wrong class.
    boolean ambiguous =
        context == Context.EXPORT && !percent && value <= LARGEST_AMBIGUOUS_BARE_NUMBER;
    if (ambiguous || value > 100) {
      return Optional.empty();
    }
    return Optional.of((int) Math.round(value));
  }

  private static Optional<Integer> ratio(double value, double outOf) {
    if (outOf <= 0 || value < 0 || value > outOf) {
      return Optional.empty();
    }
    return Optional.of((int) Math.round(100 * value / outOf));
  }

  /** ★★★☆☆ is 3 of 5; ★★★½ with no empty stars is read on the default five-star scale. */
  private static Optional<Integer> starGlyphs(String grade) {
    double filled = 0;
    int empty = 0;
    for (int i = 0; i < grade.length(); i++) {
      char c = grade.charAt(i);
      switch (c) {
        case '★', '*' -> filled += 1;
        case '½' -> filled += 0.5;
        case '☆' -> empty++;
        case ' ' -> {}
        default -> {
          return Optional.empty();
        }
      }
    }
    if (filled == 0 && empty == 0) {
      return Optional.empty();
    }
    int outOf = empty > 0 ? (int) Math.ceil(filled) + empty : DEFAULT_STAR_SCALE;
    return ratio(filled, outOf);
  }
}
