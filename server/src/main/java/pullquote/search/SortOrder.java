package pullquote.search;

import java.util.Locale;

/**
 * How hits are ordered: by relevance (best first), by date or by score, each either way. Ties are
 * broken by a fixed hash of the review id, then the id, so paging is stable.
 */
public record SortOrder(Key key, boolean descending) {

  public static final SortOrder RELEVANCE = new SortOrder(Key.RELEVANCE, true);

  public enum Key {
    RELEVANCE,
    DATE,
    SCORE;

    /** What {@code sort=} calls it; for a field, the schema's sort key. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Parses {@code relevance}, {@code date}, {@code score:asc}, {@code date:desc}, ... */
  public static SortOrder parse(String value) {
    String[] parts = value.strip().toLowerCase(Locale.ROOT).split(":", 2);
    Key key = null;
    for (Key k : Key.values()) {
      if (k.key().equals(parts[0])) {
        key = k;
      }
    }
    String direction = parts.length > 1 ? parts[1] : "desc";
    if (key == null || !(direction.equals("asc") || direction.equals("desc"))) {
      throw new InvalidParameterException(
          InvalidParameterException.INVALID_VALUE,
          "sort",
          "sort must be relevance, date or score, optionally followed by :asc or :desc; got '"
              + value
              + "'");
    }
    if (key == Key.RELEVANCE && direction.equals("asc")) {
      throw new InvalidParameterException(
          InvalidParameterException.INVALID_VALUE, "sort", "relevance sorts best first only");
    }
    return new SortOrder(key, direction.equals("desc"));
  }

  /**
   * True when this order is the tie-break alone: relevance over a search of filters alone, where
   * every hit scores the same.
   */
  public boolean byTieBreakAlone(boolean filtersOnly) {
    return filtersOnly && key == Key.RELEVANCE;
  }

  @Override
  public String toString() {
    return key.key() + (key == Key.RELEVANCE ? "" : descending ? ":desc" : ":asc");
  }
}
