package pullquote.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import pullquote.index.ReviewAnalyzers;
import pullquote.sentiment.Sentiment;

/**
 * Every critic in one generation of the reviews with their review counts by sentiment, gathered
 * once by the backend when first asked for, for autocomplete that costs a scan of names, not a
 * search.
 */
public final class CriticDirectory {

  private record Entry(
      String name, List<String> words, String folded, long[] bySentiment, long total) {}

  /** Within a name word these part it too: "o'hehir", "a.o.", "jean-luc". */
  private static final Pattern SEPARATORS = Pattern.compile("[\\-'’.]+");

  /** "r." and "o'" as typed mean a word that starts "r" or "o". */
  private final List<Entry> entries;

  private CriticDirectory(List<Entry> entries) {
    this.entries = entries;
  }

  /**
   * @param counts each critic's review counts by sentiment, indexed by {@link Sentiment#ordinal}
   */
  public static CriticDirectory of(Map<String, long[]> counts) {
    List<Entry> entries = new ArrayList<>();
    counts.forEach(
        (name, byClass) -> {
          String folded = ReviewAnalyzers.exactName(name);
          long total = 0;
          for (long n : byClass) {
            total += n;
          }
          entries.add(new Entry(name, words(folded), folded, byClass.clone(), total));
        });
    entries.sort(Comparator.comparingLong(Entry::total).reversed().thenComparing(Entry::name));
    return new CriticDirectory(entries);
  }

  /**
   * "andrew o'hehir" offers "andrew", "o'hehir", "o", "hehir" and "ohehir" as word starts: the last
   * so that "ao scott" finds "A.O. Scott" without an edit.
   */
  private static List<String> words(String folded) {
    List<String> words = new ArrayList<>();
    for (String word : folded.split("\\s+")) {
      words.add(word);
      String[] parts = SEPARATORS.split(word);
      for (String part : parts) {
        if (!part.isEmpty() && !part.equals(word)) {
          words.add(part);
        }
      }
      String joined = String.join("", parts);
      if (!joined.isEmpty() && !joined.equals(word)) {
        words.add(joined);
      }
    }
    return List.copyOf(words);
  }

  public long size() {
    return entries.size();
  }

  /**
   * Most-reviewing critics first within each tier: names every typed word starts a different word
   * of (in the typed order, then in any), then names that need an edit (in order, then in any).
   */
  public List<CriticSuggestion> suggest(String prefix, int limit) {
    TypedName typed = new TypedName(ReviewAnalyzers.exactName(prefix == null ? "" : prefix));
    List<List<Entry>> tiers =
        List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    int worst = tiers.size() - 1;
    int better = 0; // suggestions in the tiers before `worst`
    for (Entry entry : entries) {
      int tier = typed.tier(entry.folded(), entry.words(), worst);
      if (tier < 0) {
        continue;
      }
      tiers.get(tier).add(entry);
      if (tier < worst) {
        better++;
      }
      // A tier is no longer wanted once the tiers before it fill the list; scans stop fuzzing then.
      while (worst > 0 && better >= limit) {
        worst--;
        better -= tiers.get(worst).size();
      }
      if (worst == 0 && tiers.get(0).size() >= limit) {
        break;
      }
    }
    return tiers.stream()
        .flatMap(List::stream)
        .limit(limit)
        .map(e -> new CriticSuggestion(e.name(), e.total(), mix(e.bySentiment())))
        .toList();
  }

  private static Map<String, Long> mix(long[] bySentiment) {
    Map<String, Long> mix = new LinkedHashMap<>();
    for (Sentiment s : Sentiment.values()) {
      mix.put(s.key(), bySentiment[s.ordinal()]);
    }
    return mix;
  }
}
