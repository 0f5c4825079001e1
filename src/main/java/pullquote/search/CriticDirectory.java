package pullquote.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
  private static final Pattern ENDS = Pattern.compile("^[\\-'’.]+|[\\-'’.]+$");

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
    Typed typed = new Typed(ReviewAnalyzers.exactName(prefix == null ? "" : prefix));
    List<List<Entry>> tiers =
        List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    int worst = tiers.size() - 1;
    int better = 0; // suggestions in the tiers before `worst`
    for (Entry entry : entries) {
      int tier = typed.tier(entry, worst);
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

  /**
   * The typed words and the scratch one scan reuses, so that checking a name allocates nothing. A
   * name's words are at most 63, as bits of a long: each typed word's mask holds those it starts.
   */
  private static final class Typed {
    private static final int MAX_WORDS = 63;

    private final String whole;
    private final String[] words;
    private final int[] allowedEdits;
    private final long[] exact;
    private final long[] loose;
    private final int[] owner = new int[MAX_WORDS];
    private long visited;
    private int[] older;
    private int[] previous;
    private int[] current;

    Typed(String folded) {
      whole = folded;
      words =
          Arrays.stream(folded.split(" "))
              .map(w -> ENDS.matcher(w).replaceAll(""))
              .filter(w -> !w.isEmpty())
              .toArray(String[]::new);
      allowedEdits = Arrays.stream(words).mapToInt(w -> allowedEdits(w.length())).toArray();
      exact = new long[words.length];
      loose = new long[words.length];
      int longest = Arrays.stream(words).mapToInt(String::length).max().orElse(0);
      older = new int[longest + 3];
      previous = new int[longest + 3];
      current = new int[longest + 3];
    }

    /** Short words are too easily one edit from another name to forgive a typo in. */
    private static int allowedEdits(int letters) {
      return letters >= 8 ? 2 : letters >= 4 ? 1 : 0;
    }

    /**
     * 0 when the name matches in the typed order without an edit, 1 out of order, 2 and 3 the same
     * with edits; -1 when it does not match, or only in a tier worse than {@code worst}.
     */
    int tier(Entry entry, int worst) {
      if (whole.isEmpty() || entry.folded().startsWith(whole)) {
        return 0;
      }
      int names = Math.min(entry.words().size(), MAX_WORDS);
      if (words.length == 0 || words.length > names) {
        return -1;
      }
      for (int t = 0; t < words.length; t++) {
        if (!mask(t, entry.words(), names, worst >= 2)) {
          return -1;
        }
      }
      if (inOrder(exact)) {
        return 0;
      } else if (worst >= 1 && matchesApart(exact)) {
        return 1;
      } else if (worst >= 2 && inOrder(loose)) {
        return 2;
      }
      return worst >= 3 && matchesApart(loose) ? 3 : -1;
    }

    /** Fills typed word t's masks; false when it starts none of the name's words. */
    private boolean mask(int t, List<String> names, int count, boolean fuzzy) {
      exact[t] = 0;
      loose[t] = 0;
      for (int n = 0; n < count; n++) {
        String name = names.get(n);
        if (name.startsWith(words[t])) {
          exact[t] |= 1L << n;
        } else if (fuzzy && allowedEdits[t] > 0 && startsNearly(words[t], name, allowedEdits[t])) {
          loose[t] |= 1L << n;
        }
      }
      loose[t] |= exact[t];
      return (fuzzy ? loose[t] : exact[t]) != 0;
    }

    /** Each typed word matches a later name word than the one before: earliest first is best. */
    private boolean inOrder(long[] masks) {
      int from = 0;
      for (long mask : masks) {
        long later = from >= Long.SIZE ? 0 : mask & (-1L << from);
        if (later == 0) {
          return false;
        }
        from = Long.numberOfTrailingZeros(later) + 1;
      }
      return true;
    }

    /** Each typed word matches a different name word in any order: a bipartite matching. */
    private boolean matchesApart(long[] masks) {
      Arrays.fill(owner, -1);
      for (int t = 0; t < masks.length; t++) {
        visited = 0;
        if (!claim(t, masks)) {
          return false;
        }
      }
      return true;
    }

    /** Kuhn's augmenting path: a name word another typed word holds is freed if it can move. */
    private boolean claim(int t, long[] masks) {
      for (long free = masks[t] & ~visited; free != 0; free &= free - 1) {
        int n = Long.numberOfTrailingZeros(free);
        visited |= 1L << n;
        if (owner[n] < 0 || claim(owner[n], masks)) {
          owner[n] = t;
          return true;
        }
      }
      return false;
    }

    /**
     * Whether a prefix of {@code name} about as long as {@code typed} is within {@code edits} of
     * it, a swap of neighbours counting as one (optimal string alignment); given up once a whole
     * row of the table is over, as no later row can come back under.
     */
    private boolean startsNearly(String typed, String name, int edits) {
      int length = typed.length();
      int columns = Math.min(name.length(), length + edits);
      if (columns < length - edits) {
        return false;
      }
      for (int j = 0; j <= columns; j++) {
        previous[j] = j;
      }
      for (int i = 1; i <= length; i++) {
        int best = current[0] = i;
        char c = typed.charAt(i - 1);
        for (int j = 1; j <= columns; j++) {
          char d = name.charAt(j - 1);
          int cost = Math.min(previous[j], current[j - 1]) + 1;
          cost = Math.min(cost, previous[j - 1] + (c == d ? 0 : 1));
          if (i > 1 && j > 1 && c == name.charAt(j - 2) && typed.charAt(i - 2) == d) {
            cost = Math.min(cost, older[j - 2] + 1);
          }
          current[j] = cost;
          best = Math.min(best, cost);
        }
        if (best > edits) {
          return false;
        }
        int[] spare = older;
        older = previous;
        previous = current;
        current = spare;
      }
      for (int j = length - edits; j <= columns; j++) {
        if (previous[j] <= edits) {
          return true;
        }
      }
      return false;
    }
  }
}
