package pullquote.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.search.CriticSuggestion;
import pullquote.search.TypedName;
import pullquote.sentiment.Sentiment;

/**
 * Every critic in one index generation with their review counts by sentiment, built once from doc
 * values when first asked for, for autocomplete that costs a scan of names, not a search.
 */
final class CriticDirectory {

  private record Entry(
      String name, List<String> words, String folded, long[] bySentiment, long total) {}

  /** Within a name word these part it too: "o'hehir", "a.o.", "jean-luc". */
  private static final Pattern SEPARATORS = Pattern.compile("[\\-'’.]+");

  /** "r." and "o'" as typed mean a word that starts "r" or "o". */
  private final List<Entry> entries;

  private CriticDirectory(List<Entry> entries) {
    this.entries = entries;
  }

  static CriticDirectory build(IndexReader reader) {
    Map<String, long[]> counts = new HashMap<>();
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        countLeaf(leaf, counts);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Entry> entries = new ArrayList<>();
    counts.forEach(
        (name, byClass) -> {
          String folded = ReviewAnalyzers.exactName(name);
          long total = 0;
          for (long n : byClass) {
            total += n;
          }
          entries.add(new Entry(name, words(folded), folded, byClass, total));
        });
    entries.sort(Comparator.comparingLong(Entry::total).reversed().thenComparing(Entry::name));
    return new CriticDirectory(entries);
  }

  /**
   * Counts by ordinal and looks each name up once per segment: looking up the name of every review
   * decompresses a block of the terms dictionary each time, which took 1.6 s on 1M reviews.
   */
  private static void countLeaf(LeafReaderContext leaf, Map<String, long[]> counts)
      throws IOException {
    int classes = Sentiment.values().length;
    SortedDocValues critics = DocValues.getSorted(leaf.reader(), ReviewFields.CRITIC);
    SortedDocValues sentiments = DocValues.getSorted(leaf.reader(), ReviewFields.SENTIMENT);
    int[] classOfOrd = new int[sentiments.getValueCount()];
    for (int ord = 0; ord < classOfOrd.length; ord++) {
      classOfOrd[ord] =
          Sentiment.parse(sentiments.lookupOrd(ord).utf8ToString()).map(Enum::ordinal).orElse(-1);
    }
    long[] byOrd = new long[critics.getValueCount() * classes];
    var live = leaf.reader().getLiveDocs();
    for (int doc = critics.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = critics.nextDoc()) {
      if ((live == null || live.get(doc)) && sentiments.advanceExact(doc)) {
        int sentiment = classOfOrd[sentiments.ordValue()];
        if (sentiment >= 0) {
          byOrd[critics.ordValue() * classes + sentiment]++;
        }
      }
    }
    for (int ord = 0; ord < critics.getValueCount(); ord++) {
      long[] byClass = null;
      for (int c = 0; c < classes; c++) {
        if (byOrd[ord * classes + c] > 0) {
          if (byClass == null) {
            byClass =
                counts.computeIfAbsent(
                    critics.lookupOrd(ord).utf8ToString(), k -> new long[classes]);
          }
          byClass[c] += byOrd[ord * classes + c];
        }
      }
    }
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

  long size() {
    return entries.size();
  }

  /**
   * Most-reviewing critics first within each tier: names every typed word starts a different word
   * of (in the typed order, then in any), then names that need an edit (in order, then in any).
   */
  List<CriticSuggestion> suggest(String prefix, int limit) {
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
