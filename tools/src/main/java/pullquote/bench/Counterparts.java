package pullquote.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words a reader may put for one another, read from a list of groups: one group a line, words
 * parted by spaces, {@code #} starting a comment. Every word of a group stands for every other.
 */
final class Counterparts {

  /** British and American spellings of one word. */
  static final String SPELLINGS = "/pullquote/bench/spelling-pairs.txt";

  /** Near-synonyms in critics' vocabulary. */
  static final String SYNONYMS = "/pullquote/bench/synonyms.txt";

  private final Map<String, List<String>> others;

  private Counterparts(Map<String, List<String>> others) {
    this.others = Map.copyOf(others);
  }

  /** The list in a resource of this package's jar. */
  static Counterparts load(String resource) {
    try (InputStream in = Counterparts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return parse(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalArgumentException when a line has a single word, or a word is in two groups
   */
  static Counterparts parse(List<String> lines) {
    Map<String, List<String>> others = new HashMap<>();
    for (String line : lines) {
      String content = line.replaceFirst("#.*", "").strip();
      if (content.isEmpty()) {
        continue;
      }
      List<String> group = List.of(content.split("\\s+"));
      if (group.size() < 2) {
        throw new IllegalArgumentException("a group needs two words or more: " + line);
      }
      for (String word : group) {
        List<String> rest = new ArrayList<>(group);
        rest.remove(word);
        if (others.put(word, List.copyOf(rest)) != null) {
          throw new IllegalArgumentException("a word in two groups: " + word);
        }
      }
    }
    return new Counterparts(others);
  }

  /** The words that stand for this one; empty when it has none. */
  List<String> of(String word) {
    return others.getOrDefault(word, List.of());
  }

  boolean has(String word) {
    return others.containsKey(word);
  }
}
