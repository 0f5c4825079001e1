package pullquote.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewSchema;

/**
 * Whether the whole search box is a critic's, publication's or work's name, as a reader types
 * "Roger Ebert" meaning his reviews rather than reviews that mention him: offered as a filter. Each
 * backend says how it looks a folded name up.
 */
public final class KnownNames {

  /** A name as the reviews spell it, and how many reviews have it. */
  public record Found(String shown, long reviews) {}

  /** How a backend finds the reviews whose name fields are exactly a folded name. */
  public interface Lookup {
    /**
     * @param folded the box as {@link ReviewAnalyzers#exactName} folds it
     * @return for each of the fields some review has the name in, what it found; most boxes are no
     *     name, so a backend answers for all the fields at once
     */
    Map<ReviewSchema.Field, Found> find(List<ReviewSchema.Field> names, String folded)
        throws IOException;
  }

  /** Search syntax means the box is a query, not a name. */
  private static final Pattern SYNTAX =
      Pattern.compile("[\"“”:*()~]|(^|\\s)(-|OR\\b|AND\\b|NOT\\b)");

  private static final int MAX_NAME_CHARS = 200;

  private KnownNames() {}

  public static List<SuggestedFilter> of(SearchRequest request, Lookup lookup) throws IOException {
    String q = request.q().strip();
    if (q.isEmpty() || q.length() > MAX_NAME_CHARS || SYNTAX.matcher(q).find()) {
      return List.of();
    }
    String name = ReviewAnalyzers.exactName(q);
    List<ReviewSchema.Field> asked = new ArrayList<>();
    for (ReviewSchema.Field dimension : ReviewSchema.ofKind(ReviewSchema.Kind.NAME)) {
      // already filtered on it: nothing to offer
      if (request.names(dimension.name()).stream()
          .map(ReviewAnalyzers::exactName)
          .noneMatch(name::equals)) {
        asked.add(dimension);
      }
    }
    Map<ReviewSchema.Field, Found> known = asked.isEmpty() ? Map.of() : lookup.find(asked, name);
    List<SuggestedFilter> found = new ArrayList<>();
    for (ReviewSchema.Field dimension : asked) {
      Found f = known.get(dimension);
      if (f != null) {
        found.add(
            new SuggestedFilter(dimension.filterParameters().getFirst(), f.shown(), f.reviews()));
      }
    }
    return found;
  }
}
