package pullquote.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Cleans the text fields every reader shares: whitespace, uncredited critics, dates. */
final class FieldValues {

  private static final Pattern UNCREDITED =
      Pattern.compile("(?i)(staff\\s*)?\\[?\\s*not credited\\s*]?|staff|anonymous|unknown|n/?a");
  private static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ENGLISH));

  /** Dates the upstream RT collections use for "unknown"; indexing them would fake a date sort. */
  static final Set<LocalDate> PLACEHOLDER_DATES =
      Set.of(LocalDate.of(1800, 1, 1), LocalDate.of(2000, 1, 1));

  /**
   * The longest critic, publication or work name accepted. Longer is a broken record (a wrong
   * column, or a quote that swallowed lines), and Lucene's facets could not hold it anyway.
   */
  static final int MAX_NAME_LENGTH = 1000;

  private FieldValues() {}

  /** The name field that is too long to be a name, or null when all are fine. */
  static String overlongName(Map<String, String> names) {
    for (Map.Entry<String, String> name : names.entrySet()) {
      if (name.getValue() != null && name.getValue().length() > MAX_NAME_LENGTH) {
        return name.getKey()
            + " is "
            + name.getValue().length()
            + " characters long; a name may have at most "
            + MAX_NAME_LENGTH;
      }
    }
    return null;
  }

  /** Folds runs of any white space, non-breaking ones included, to one space; null when blank. */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    String cleaned = foldSpaces(value).strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  /**
   * Folds each run of spaces (as regex {@code [\\s\\u00A0\\u2007\\u202F]+} would) to one ' '. By
   * hand, not by regular expression: the regular expression was most of the reading thread's time
   * when indexing (a review's text is scanned char by char through a union of character classes),
   * and most texts need no change at all.
   */
  static String foldSpaces(String value) {
    int n = value.length();
    int i = 0;
    while (i < n) {
      char c = value.charAt(i);
      if ((c <= ' ' || c >= '\u00A0') && needsFolding(value, i)) {
        break;
      }
      i++;
    }
    if (i == n) {
      return value;
    }
    StringBuilder folded = new StringBuilder(n).append(value, 0, i);
    while (i < n) {
      char c = value.charAt(i);
      if (isSpace(c)) {
        folded.append(' ');
        while (i < n && isSpace(value.charAt(i))) {
          i++;
        }
      } else {
        folded.append(c);
        i++;
      }
    }
    return folded.toString();
  }

  /** A space other than ' ', or a ' ' followed by another space. */
  private static boolean needsFolding(String value, int i) {
    char c = value.charAt(i);
    return isSpace(c) && (c != ' ' || (i + 1 < value.length() && isSpace(value.charAt(i + 1))));
  }

  /** Regex {@code \s} (ASCII only) and three no-break spaces. */
  private static boolean isSpace(char c) {
    return switch (c) {
      case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2007', '\u202F' -> true;
      default -> false;
    };
  }

  /** The critic's name, or null for "Staff [Not Credited]" and other ways of saying nobody. */
  static String critic(String value) {
    String name = clean(value);
    return name == null || UNCREDITED.matcher(name).matches() ? null : name;
  }

  /** A date in any of the common forms; empty when it cannot be read. */
  static Optional<LocalDate> date(String value) {
    String text = clean(value);
    if (text == null) {
      return Optional.empty();
    }
    if (text.length() > 10 && text.charAt(4) == '-' && text.charAt(10) == 'T') {
      text = text.substring(0, 10);
    }
    for (DateTimeFormatter format : DATE_FORMATS) {
      try {
        return Optional.of(LocalDate.parse(text, format));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  static boolean hasReplacementCharacter(String value) {
    return value != null && value.indexOf('\uFFFD') >= 0;
  }
}
