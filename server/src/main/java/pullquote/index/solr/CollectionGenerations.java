package pullquote.index.solr;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collections rebuilds of one alias make, as the local index has generations: alias {@code
 * reviews} is moved from {@code reviews_g000001} to {@code reviews_g000002}, and so on.
 */
final class CollectionGenerations {

  private final String alias;
  private final Pattern generation;

  CollectionGenerations(String alias) {
    if (alias == null || alias.isBlank()) {
      throw new IllegalArgumentException("generations need the alias they are made for");
    }
    this.alias = alias;
    this.generation = Pattern.compile(Pattern.quote(alias) + "_g(\\d{6,})");
  }

  /** Generation n's collection. */
  String name(long n) {
    return String.format(java.util.Locale.ROOT, "%s_g%06d", alias, n);
  }

  /** Whether the collection is one of the alias's generations. */
  boolean isGeneration(String collection) {
    return generation.matcher(collection).matches();
  }

  /**
   * The collection for the next build: one past the highest generation there is, complete or not,
   * so a build never reuses the name of one a killed build left behind.
   */
  String next(Collection<String> collections) {
    long highest = 0;
    for (String collection : collections) {
      Matcher m = generation.matcher(collection);
      if (m.matches()) {
        highest = Math.max(highest, Long.parseLong(m.group(1)));
      }
    }
    return name(highest + 1);
  }

  /**
   * What a build that moved the alias from {@code previous} to {@code built} drops: every other
   * generation. The previous one stays, as a server that has not yet seen the move may still be
   * searching it; older ones and those that killed builds left behind (numbered above the previous
   * but never aliased) go.
   */
  List<String> toDrop(Collection<String> collections, String built, Set<String> previous) {
    return collections.stream()
        .filter(this::isGeneration)
        .filter(c -> !c.equals(built) && !previous.contains(c))
        .sorted()
        .toList();
  }
}
