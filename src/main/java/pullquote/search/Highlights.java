package pullquote.search;

import java.util.List;

/**
 * Where a query matched a review's text.
 *
 * @param fragments passages of the text, HTML-escaped, with {@code <mark>} around each match
 * @param matches each match's span in {@code text}, as UTF-16 offsets (JavaScript string indices)
 */
public record Highlights(List<String> fragments, List<Span> matches) {

  public static final Highlights NONE = new Highlights(List.of(), List.of());

  public Highlights {
    fragments = List.copyOf(fragments);
    matches = List.copyOf(matches);
  }

  /** A half-open span [start, end) of the review text. */
  public record Span(int start, int end) {
    public Span {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad span " + start + ".." + end);
      }
    }
  }
}
