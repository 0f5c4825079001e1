package pullquote.search;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The typed words and the scratch one scan reuses, so that checking a name allocates nothing. A
 * name's words are at most 63, as bits of a long: each typed word's mask holds those it starts.
 */
public final class TypedName {

  private static final Pattern ENDS = Pattern.compile("^[\\-'’.]+|[\\-'’.]+$");

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

  public TypedName(String folded) {
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
  public int tier(String folded, List<String> nameWords, int worst) {
    if (whole.isEmpty() || folded.startsWith(whole)) {
      return 0;
    }
    int names = Math.min(nameWords.size(), MAX_WORDS);
    if (words.length == 0 || words.length > names) {
      return -1;
    }
    for (int t = 0; t < words.length; t++) {
      if (!mask(t, nameWords, names, worst >= 2)) {
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
   * Whether a prefix of {@code name} about as long as {@code typed} is within {@code edits} of it,
   * a swap of neighbours counting as one (optimal string alignment); given up once a whole row of
   * the table is over, as no later row can come back under.
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
