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

  /**
   * A passage of the text ({@code from} to {@code to}) as the API shows it: HTML-escaped, with
   * {@code <mark>} around each match (sorted, not overlapping, inside the passage), stripped.
   */
  public static String fragment(String text, int from, int to, List<Span> matches) {
    StringBuilder html = new StringBuilder();
    int at = from;
    for (Span match : matches) {
      escape(text, at, match.start(), html);
      html.append("<mark>");
      escape(text, match.start(), match.end(), html);
      html.append("</mark>");
      at = match.end();
    }
    escape(text, at, to, html);
    return html.toString().strip();
  }

  private static void escape(String content, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = content.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
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
