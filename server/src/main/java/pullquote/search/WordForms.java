package pullquote.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other forms of a typed word that a reader may have meant: British and American spellings
 * (patterns for the regular families, the list for the rest) and a few near-synonyms of film
 * criticism. Candidates only: the query builder keeps those the index has.
 *
 * <p>The patterns need three letters before the changing part, so short common words never turn
 * into other words ({@code four} is not {@code for}, {@code prize} not {@code prise}); the words
 * that a pattern would turn into another real word are listed as exceptions.
 */
public final class WordForms {

  /** Why a form was tried; the API names it. */
  public enum Kind {
    SPELLING,
    SYNONYM;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public record Form(String word, Kind kind) {
    public Form {
      if (word == null || word.isEmpty() || kind == null) {
        throw new IllegalArgumentException("a word form needs a word and a kind");
      }
    }
  }

  private record Rule(Pattern pattern, String replacement) {}

  private static final String OUR_SUFFIXES = "(s|ed|ing|ful|fully|less|able|ably|ite|ites|er|ers)?";

  /** British to American, and back, for the regular families. */
  private static final List<Rule> RULES =
      List.of(
          rule("^([a-z]{3,})our" + OUR_SUFFIXES + "$", "$1or$2"), // colour, favourite
          rule("^([a-z]{3,})or" + OUR_SUFFIXES + "$", "$1our$2"),
          rule("^([a-z]{2,}[b-df-hj-np-tv-z])re(s?)$", "$1er$2"), // theatre, centres
          rule("^([a-z]{2,}[b-df-hj-np-tv-z])red$", "$1ered"),
          rule("^([a-z]{2,}[b-df-hj-np-tv-z])er(s?)$", "$1re$2"),
          rule("^([a-z]{2,}[b-df-hj-np-tv-z])ered$", "$1red"),
          rule("^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$", "$1iz$2"), // realise
          rule("^([a-z]{3,})iz(e|es|ed|ing|ation|ations|er|ers)$", "$1is$2"),
          rule("^([a-z]{2,})ys(e|es|ed|ing)$", "$1yz$2"), // analyse
          rule("^([a-z]{2,})yz(e|es|ed|ing)$", "$1ys$2"),
          rule("^([a-z]{3,})ogue(s?)$", "$1og$2"), // dialogue
          rule("^([a-z]{3,})og(s?)$", "$1ogue$2"),
          rule("^([a-z]{2,}e)ll(ed|ing|er|ers|ous|ously)$", "$1l$2"), // travelled, marvellous
          rule("^([a-z]{2,}e)l(ed|ing|er|ers|ous|ously)$", "$1ll$2"));

  /** Real words a pattern would take for another word's spelling. */
  private static final Set<String> EXCEPTIONS =
      Set.of("timbre", "timber", "genre", "acre", "ogre", "mediocre", "massacre", "ordre");

  private final Map<String, List<Form>> listed;

  private WordForms(Map<String, List<Form>> listed) {
    this.listed = listed;
  }

  /** The forms in the project's list, {@code pullquote/search/word-forms.txt}. */
  public static WordForms bundled() {
    try (InputStream in = WordForms.class.getResourceAsStream("word-forms.txt")) {
      if (in == null) {
        throw new IllegalStateException("word-forms.txt is missing from the class path");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static WordForms parse(BufferedReader lines) throws IOException {
    Map<String, List<Form>> listed = new HashMap<>();
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String content = line.strip();
      if (content.isEmpty() || content.startsWith("#")) {
        continue;
      }
      String[] parts = content.toLowerCase(Locale.ROOT).split("\\s+");
      Kind kind =
          switch (parts[0]) {
            case "spelling" -> Kind.SPELLING;
            case "synonym" -> Kind.SYNONYM;
            default ->
                throw new IllegalArgumentException(
                    "word-forms.txt:" + number + ": a line starts with spelling or synonym");
          };
      if (parts.length < 3) {
        throw new IllegalArgumentException("word-forms.txt:" + number + ": a group needs 2 words");
      }
      for (int i = 1; i < parts.length; i++) {
        for (int j = 1; j < parts.length; j++) {
          if (i != j) {
            listed.computeIfAbsent(parts[i], k -> new ArrayList<>()).add(new Form(parts[j], kind));
          }
        }
      }
    }
    listed.replaceAll((word, forms) -> List.copyOf(forms));
    return new WordForms(Map.copyOf(listed));
  }

  /**
   * Other forms of a word as the index spells words (lower case, accents folded), listed ones
   * first; never the word itself.
   */
  public List<Form> of(String word) {
    Set<Form> forms = new LinkedHashSet<>(listed.getOrDefault(word, List.of()));
    if (!EXCEPTIONS.contains(word)) {
      for (Rule rule : RULES) {
        Matcher m = rule.pattern().matcher(word);
        if (m.matches()) {
          String other = m.replaceFirst(rule.replacement());
          if (!other.equals(word) && !EXCEPTIONS.contains(other)) {
            forms.add(new Form(other, Kind.SPELLING));
          }
        }
      }
    }
    return List.copyOf(forms);
  }

  private static Rule rule(String pattern, String replacement) {
    return new Rule(Pattern.compile(pattern), replacement);
  }
}
