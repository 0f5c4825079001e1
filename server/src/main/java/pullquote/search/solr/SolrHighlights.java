package pullquote.search.solr;

import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.params.ModifiableSolrParams;
import pullquote.index.ReviewFields;
import pullquote.search.Highlights;

/**
 * Highlights as the local index gives them, from Solr's unified highlighter: the whole text (its
 * first 10,000 characters) as one passage, each match between two private-use marks, read back into
 * UTF-16 spans of the text and one escaped fragment.
 */
final class SolrHighlights {

  private static final char START = '\uE000';
  private static final char END = '\uE001';

  /** As the local index: matches are marked in a text's first 10,000 characters. */
  private static final int MAX_LENGTH = 10_000;

  private SolrHighlights() {}

  /**
   * @param textQuery the box's query on the text alone (field terms and exclusions left out): the
   *     highlighter marks a phrase whole only when it weighs the query's matches, and a conjunction
   *     with a critic term would then match nothing in the text
   */
  static void ask(ModifiableSolrParams params, String textQuery) {
    params.set("hl.q", textQuery);
    params.set("hl", true);
    params.set("hl.method", "unified");
    params.set("hl.fl", ReviewFields.TEXT);
    params.set("hl.bs.type", "WHOLE");
    params.set("hl.fragsize", 0);
    params.set("hl.maxAnalyzedChars", MAX_LENGTH);
    params.set("hl.defaultSummary", false);
    // Quoted phrases search the copy without stems; their words are marked in the text too.
    params.set("hl.requireFieldMatch", false);
    params.set("hl.tag.pre", String.valueOf(START));
    params.set("hl.tag.post", String.valueOf(END));
  }

  /**
   * @param marked the highlighter's passage, or null when it marked nothing
   * @param text the review text it was made from
   */
  static Highlights read(String marked, String text) {
    if (marked == null) {
      return Highlights.NONE;
    }
    StringBuilder plain = new StringBuilder(marked.length());
    List<Highlights.Span> spans = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == START) {
        start = plain.length();
      } else if (c == END && start >= 0) {
        add(spans, new Highlights.Span(start, plain.length()));
        start = -1;
      } else {
        plain.append(c);
      }
    }
    // The passage must be the text itself: a text holding the marks is shown unmarked.
    if (spans.isEmpty() || !text.startsWith(plain.toString())) {
      return Highlights.NONE;
    }
    int end = Math.min(text.length(), MAX_LENGTH);
    return new Highlights(List.of(Highlights.fragment(text, 0, end, spans)), spans);
  }

  /** Adjacent or overlapping matches are one span, as the local index merges a word's forms. */
  private static void add(List<Highlights.Span> spans, Highlights.Span span) {
    if (!spans.isEmpty() && span.start() < spans.getLast().end()) {
      Highlights.Span last = spans.removeLast();
      spans.add(new Highlights.Span(last.start(), Math.max(last.end(), span.end())));
    } else {
      spans.add(span);
    }
  }
}
