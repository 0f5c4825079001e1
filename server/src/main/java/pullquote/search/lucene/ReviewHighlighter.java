package pullquote.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import pullquote.index.ReviewFields;
import pullquote.search.Highlights;

/**
 * Marks where a query matched the review text. Lucene's highlighter finds the matches by analysing
 * the shown texts again with the index's analyzer, or from offsets in the postings of indexes
 * written with them. Excerpts are short, so the whole text is one fragment and every match in it is
 * reported.
 */
final class ReviewHighlighter {

  /**
   * Matches are marked in a text's first 10,000 characters. Texts are analysed again for every page
   * shown; critics' excerpts run to a few hundred characters, but a record may hold up to a
   * million.
   */
  static final int MAX_LENGTH = 10_000;

  private final Analyzer analyzer;

  ReviewHighlighter(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * Highlights by doc number; docs the query matched on filters alone get {@link Highlights#NONE}.
   *
   * @param texts each doc's review text, already read: reading stored fields means decompressing a
   *     block, which profiling showed to be the largest cost of a search, so it is done once
   */
  Map<Integer, Highlights> highlight(
      IndexSearcher searcher, Query query, Map<Integer, String> texts) throws IOException {
    Map<Integer, Highlights> result = new HashMap<>();
    int[] docs = texts.keySet().stream().mapToInt(Integer::intValue).toArray();
    if (docs.length == 0) {
      return result;
    }
    LoadedTextsHighlighter highlighter =
        new LoadedTextsHighlighter(
            UnifiedHighlighter.builder(searcher, analyzer)
                .withBreakIterator(WholeBreakIterator::new)
                .withMaxLength(MAX_LENGTH)
                .withMaxNoHighlightPassages(0)
                .withFormatter(new SpanFormatter()),
            texts);
    Object[] formatted = highlighter.objects(query, docs);
    for (int i = 0; i < docs.length; i++) {
      result.put(docs[i], formatted[i] instanceof Highlights h ? h : Highlights.NONE);
    }
    return result;
  }

  /**
   * Highlights texts already read, through the object-returning entry point Lucene keeps protected.
   */
  private static final class LoadedTextsHighlighter extends UnifiedHighlighter {
    private final Map<Integer, String> texts;

    LoadedTextsHighlighter(Builder builder, Map<Integer, String> texts) {
      super(builder);
      this.texts = texts;
    }

    /** The texts already read, in the batches Lucene's own loader would return. */
    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      int chars = 0;
      do {
        int doc = docs.nextDoc();
        if (doc == DocIdSetIterator.NO_MORE_DOCS) {
          break;
        }
        String text = texts.get(doc);
        if (text != null && text.length() > getMaxLength()) {
          text = text.substring(0, getMaxLength());
        }
        values.add(new CharSequence[] {text});
        chars += text == null ? 0 : text.length();
      } while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
      return values;
    }

    Object[] objects(Query query, int[] docs) throws IOException {
      int[] sorted = docs.clone();
      Map<String, Object[]> byField =
          highlightFieldsAsObjects(new String[] {ReviewFields.TEXT}, query, sorted, new int[] {1});
      return byField.get(ReviewFields.TEXT);
    }
  }

  /** Writes passages as escaped HTML with {@code <mark>} and keeps each match's span. */
  static final class SpanFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<String> fragments = new ArrayList<>();
      List<Highlights.Span> spans = new ArrayList<>();
      for (Passage passage : passages) {
        List<Highlights.Span> matches = merged(passage);
        fragments.add(
            Highlights.fragment(
                content, passage.getStartOffset(), passage.getEndOffset(), matches));
        spans.addAll(matches);
      }
      return spans.isEmpty() ? null : new Highlights(fragments, spans);
    }

    /** A word and its stem sit at the same offsets; overlapping matches become one span. */
    private static List<Highlights.Span> merged(Passage passage) {
      int n = passage.getNumMatches();
      Highlights.Span[] raw = new Highlights.Span[n];
      for (int i = 0; i < n; i++) {
        raw[i] = new Highlights.Span(passage.getMatchStarts()[i], passage.getMatchEnds()[i]);
      }
      Arrays.sort(
          raw,
          Comparator.comparingInt(Highlights.Span::start).thenComparingInt(Highlights.Span::end));
      List<Highlights.Span> spans = new ArrayList<>();
      for (Highlights.Span span : raw) {
        Highlights.Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
        if (last != null && span.start() < last.end()) {
          spans.set(
              spans.size() - 1,
              new Highlights.Span(last.start(), Math.max(last.end(), span.end())));
        } else {
          spans.add(span);
        }
      }
      return spans;
    }
  }
}
