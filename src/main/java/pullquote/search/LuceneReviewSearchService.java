package pullquote.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import pullquote.index.IndexSnapshot;
import pullquote.index.LiveIndex;
import pullquote.index.ReviewDocuments;
import pullquote.index.ReviewFields;
import pullquote.ingest.Review;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

/** Answers searches from the live Lucene index, in process. */
public final class LuceneReviewSearchService implements ReviewSearchService {

  private static final int TOP_FACET_VALUES = 10;

  /** Long enough for the broadest query on 10M reviews; short enough never to pin a thread. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);

  private final LiveIndex index;
  private final ReviewQueryBuilder queries;
  private final ReviewHighlighter highlighter;
  private final Duration budget;

  public LuceneReviewSearchService(LiveIndex index, Analyzer analyzer) {
    this(index, analyzer, DEFAULT_BUDGET);
  }

  /**
   * @param budget how long matching, counting and sorting may take; past it the search answers with
   *     what it found so far, flagged {@code timed_out}
   */
  public LuceneReviewSearchService(LiveIndex index, Analyzer analyzer, Duration budget) {
    this.index = index;
    this.queries = new ReviewQueryBuilder(analyzer);
    this.highlighter = new ReviewHighlighter(analyzer);
    this.budget = budget;
  }

  @Override
  public SearchResponse search(SearchRequest request) {
    long start = System.nanoTime();
    ReviewQueryBuilder.Built built = queries.build(request);
    Cursor cursor =
        request.cursor() == null ? null : Cursor.decode(request.cursor(), request.sort());
    return index.withSnapshot(
        snapshot -> {
          try {
            return search(snapshot, request, built, cursor, start);
          } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidParameterException(
                InvalidParameterException.OUT_OF_RANGE,
                "q",
                "the query expands to too many terms; use fewer words or longer prefixes");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private SearchResponse search(
      IndexSnapshot snapshot,
      SearchRequest request,
      ReviewQueryBuilder.Built built,
      Cursor cursor,
      long start)
      throws IOException {
    boolean scoreless = built.filtersOnly();
    boolean tieOnly = request.sort().byTieBreakAlone(scoreless);
    boolean byIdString = !snapshot.hasIdOrder();
    int offset = cursor == null ? (request.page() - 1) * request.size() : 0;
    // A searcher of its own: the time-out and its flag belong to this request alone.
    IndexSearcher searcher = new IndexSearcher(snapshot.searcher().getIndexReader());
    searcher.setTimeout(new QueryTimeoutImpl(budget.toMillis()));
    FacetCache cache =
        request.facets() && scoreless
            ? snapshot.derived(FacetCache.class, s -> new FacetCache())
            : null;
    FacetCounts facets = cache != null ? cache.get(built) : null;
    boolean countFacets = request.facets() && facets == null;
    // One hit past the page tells whether a next page exists. A query of filters alone is
    // counted apart (cheaply: a single filter's count is its term's document count), so the
    // collector may skip the hits that cannot reach the page; unless facets are being counted,
    // which visits every hit anyway.
    int wanted = offset + request.size() + 1;
    var topDocs =
        new TopFieldCollectorManager(
            SortFields.of(request.sort(), tieOnly, byIdString),
            wanted,
            cursor == null ? null : cursor.toFieldDoc(tieOnly, byIdString),
            scoreless && !countFacets ? wanted : Integer.MAX_VALUE);
    TopFieldDocs top;
    if (countFacets) {
      Object[] results =
          searcher.search(
              built.query(), new MultiCollectorManager(topDocs, new FacetsCollectorManager()));
      top = (TopFieldDocs) results[0];
      facets = facets(snapshot, searcher, (FacetsCollector) results[1], built);
      if (cache != null && !searcher.timedOut()) {
        cache.put(built, facets);
      }
    } else {
      top = searcher.search(built.query(), topDocs);
    }
    List<ReviewHit> hits =
        hits(searcher, request.highlight() ? built.query() : null, top, offset, request.size());
    // Past the budget the hits are the best of what was examined, not of everything, so a
    // cursor after them could skip reviews; the reader retries rather than pages on. Nor is
    // there budget left to count: the total is then what was seen.
    long total =
        top.totalHits.relation() == TotalHits.Relation.EQUAL_TO || searcher.timedOut()
            ? top.totalHits.value()
            : searcher.count(built.query());
    // read after the count, which spends the same budget
    boolean timedOut = searcher.timedOut();
    String next = null;
    if (!timedOut && top.scoreDocs.length > offset + request.size()) {
      FieldDoc last = (FieldDoc) top.scoreDocs[offset + request.size() - 1];
      next = Cursor.after(request.sort(), last, hits.getLast().id(), tieOnly).encode();
    }
    return new SearchResponse(
        total,
        (System.nanoTime() - start) / 1_000_000,
        request.page(),
        request.size(),
        request.sort().toString(),
        next,
        request.q(),
        hits,
        facets,
        built.warnings(),
        timedOut);
  }

  /**
   * @param highlightQuery the query whose matches to mark, or null for no highlighting
   */
  private List<ReviewHit> hits(
      IndexSearcher searcher, Query highlightQuery, TopDocs top, int offset, int size)
      throws IOException {
    ScoreDoc[] page = top.scoreDocs;
    int from = Math.min(offset, page.length);
    int to = Math.min(offset + size, page.length);
    int[] docs = new int[to - from];
    for (int i = from; i < to; i++) {
      docs[i - from] = page[i].doc;
    }
    var stored = searcher.storedFields();
    Map<Integer, Review> reviews = new LinkedHashMap<>();
    Map<Integer, String> texts = new HashMap<>();
    for (int doc : docs) {
      Review review = ReviewDocuments.fromDocument(stored.document(doc));
      reviews.put(doc, review);
      texts.put(doc, review.text());
    }
    Map<Integer, Highlights> highlights =
        highlightQuery == null ? Map.of() : highlighter.highlight(searcher, highlightQuery, texts);
    List<ReviewHit> hits = new ArrayList<>(docs.length);
    reviews.forEach(
        (doc, review) ->
            hits.add(ReviewHit.of(review, highlights.getOrDefault(doc, Highlights.NONE))));
    return hits;
  }

  private FacetCounts facets(
      IndexSnapshot snapshot,
      IndexSearcher searcher,
      FacetsCollector matched,
      ReviewQueryBuilder.Built built)
      throws IOException {
    SortedSetDocValuesFacetCounts counts =
        new SortedSetDocValuesFacetCounts(snapshot.facetState(), matched);
    SortedSetDocValuesFacetCounts sentimentCounts = counts;
    if (built.withoutSentimentFilter() != built.query()) {
      FacetsCollector unfiltered =
          searcher.search(built.withoutSentimentFilter(), new FacetsCollectorManager());
      sentimentCounts = new SortedSetDocValuesFacetCounts(snapshot.facetState(), unfiltered);
    }
    return new FacetCounts(
        allValues(sentimentCounts, ReviewFields.SENTIMENT, Sentiment.values()),
        top(counts, ReviewFields.CRITIC),
        top(counts, ReviewFields.PUBLICATION),
        top(counts, ReviewFields.WORK));
  }

  /** Counts for every value of a small dimension, zero for values no hit has. */
  private static Map<String, Long> allValues(
      org.apache.lucene.facet.Facets counts, String dim, Enum<?>[] values) throws IOException {
    Map<String, Long> result = new LinkedHashMap<>();
    for (Enum<?> value : values) {
      result.put(value.name().toLowerCase(java.util.Locale.ROOT), 0L);
    }
    FacetResult found = children(counts, dim, values.length);
    if (found != null) {
      for (LabelAndValue lv : found.labelValues) {
        result.computeIfPresent(lv.label, (k, n) -> lv.value.longValue());
      }
    }
    return result;
  }

  private static List<FacetCounts.FacetValue> top(org.apache.lucene.facet.Facets counts, String dim)
      throws IOException {
    List<FacetCounts.FacetValue> values = new ArrayList<>();
    FacetResult result = children(counts, dim, TOP_FACET_VALUES);
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        values.add(new FacetCounts.FacetValue(lv.label, lv.value.longValue()));
      }
    }
    return values;
  }

  /**
   * The dimension's top values, or null when no document has it: Lucene throws for a dimension it
   * has never seen, which an empty or small index may not have.
   */
  private static FacetResult children(org.apache.lucene.facet.Facets counts, String dim, int n)
      throws IOException {
    try {
      return counts.getTopChildren(n, dim);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public Optional<ReviewHit> review(String id) {
    return index.withSnapshot(
        snapshot -> {
          try {
            // One term on a unique id: no time budget needed.
            IndexSearcher searcher = snapshot.searcher();
            TopDocs top = searcher.search(new TermQuery(new Term(ReviewFields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
              return Optional.empty();
            }
            return Optional.of(
                ReviewHit.of(
                    ReviewDocuments.fromDocument(
                        searcher.storedFields().document(top.scoreDocs[0].doc)),
                    Highlights.NONE));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Builds what searching a new generation needs once; pass to {@link LiveIndex} as its warmer. */
  public static void warm(IndexSnapshot snapshot) {
    criticDirectory(snapshot);
  }

  private static CriticDirectory criticDirectory(IndexSnapshot snapshot) {
    return snapshot.derived(
        CriticDirectory.class, s -> CriticDirectory.build(s.searcher().getIndexReader()));
  }

  @Override
  public List<CriticSuggestion> critics(String prefix, int limit) {
    return index.withSnapshot(snapshot -> criticDirectory(snapshot).suggest(prefix, limit));
  }

  @Override
  public IndexStats stats() {
    // A generation never changes, so its figures are counted once, when first asked for.
    return index.withSnapshot(
        snapshot -> {
          CriticDirectory critics = criticDirectory(snapshot);
          return snapshot.derived(IndexStats.class, s -> count(s, critics));
        });
  }

  private IndexStats count(IndexSnapshot snapshot, CriticDirectory critics) {
    try {
      FacetsCollector all =
          snapshot.searcher().search(MatchAllDocsQuery.INSTANCE, new FacetsCollectorManager());
      SortedSetDocValuesFacetCounts counts =
          new SortedSetDocValuesFacetCounts(snapshot.facetState(), all);
      FacetResult works = children(counts, ReviewFields.WORK, 1);
      return new IndexStats(
          snapshot.reviewCount(),
          snapshot.sizeBytes(),
          snapshot.generation().getFileName().toString(),
          allValues(counts, ReviewFields.SENTIMENT, Sentiment.values()),
          allValues(counts, ReviewFields.SENTIMENT_SOURCE, SentimentSource.values()),
          critics.size(),
          works == null ? 0 : works.childCount,
          snapshot.buildInfo().orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
