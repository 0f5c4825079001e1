package pullquote.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import pullquote.index.IndexSnapshot;
import pullquote.index.IndexUnavailableException;
import pullquote.index.LiveIndex;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewDocuments;
import pullquote.index.ReviewFields;
import pullquote.ingest.Review;
import pullquote.search.CriticDirectory;
import pullquote.search.CriticSuggestion;
import pullquote.search.DidYouMean;
import pullquote.search.FacetCounts;
import pullquote.search.Forgiveness;
import pullquote.search.Highlights;
import pullquote.search.IndexHealth;
import pullquote.search.IndexStats;
import pullquote.search.InvalidParameterException;
import pullquote.search.KnownNames;
import pullquote.search.ReviewHit;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchRequest;
import pullquote.search.SearchResponse;
import pullquote.search.SearchUnavailableException;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

/** Answers searches from the live Lucene index, in process. */
public final class LuceneReviewSearchService implements ReviewSearchService {

  /** Long enough for the broadest query on 10M reviews; short enough never to pin a thread. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);

  private final LiveIndex index;
  private final ForgivingSearch forgiving;
  private final ReviewHighlighter highlighter;
  private final Duration budget;

  public LuceneReviewSearchService(LiveIndex index, Analyzer analyzer) {
    this(index, analyzer, DEFAULT_BUDGET, Forgiveness.DEFAULT);
  }

  /**
   * @param budget how long matching, counting and sorting may take; past it the search answers with
   *     what it found so far, flagged {@code timed_out}
   * @param forgiveness how far the search box forgives typos and missing words
   */
  public LuceneReviewSearchService(
      LiveIndex index, Analyzer analyzer, Duration budget, Forgiveness forgiveness) {
    this.index = index;
    this.forgiving =
        new ForgivingSearch(
            new ReviewQueryBuilder(analyzer, forgiveness),
            forgiveness,
            new DidYouMean(ReviewAnalyzers.forPhrases()));
    this.highlighter = new ReviewHighlighter(analyzer);
    this.budget = budget;
  }

  @Override
  public SearchResponse search(SearchRequest request) {
    long start = System.nanoTime();
    Cursor cursor =
        request.cursor() == null ? null : Cursor.decode(request.cursor(), request.sort());
    return withSnapshot(
        snapshot -> {
          try {
            IndexSearcher searcher = snapshot.searcher();
            var runner =
                new ForgivingSearch.Runner() {
                  @Override
                  public SearchResponse run(ReviewQueryBuilder.Built built) throws IOException {
                    return search(snapshot, request, built, cursor, start);
                  }

                  @Override
                  public long count(Query query) throws IOException {
                    return budgeted(searcher).count(query);
                  }
                };
            SearchResponse answer =
                forgiving.search(request, new Lexicon(searcher.getIndexReader()), runner);
            return answer.forgiving(
                answer.relaxed(),
                answer.didYouMean(),
                KnownNames.of(request, new IndexNames(searcher)),
                answer.expansions());
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
    IndexSearcher searcher = budgeted(snapshot.searcher());
    FacetCache cache =
        request.facets() ? snapshot.derived(FacetCache.class, s -> new FacetCache()) : null;
    FacetCounts facets = cache != null ? cache.get(built) : null;
    boolean countFacets = request.facets() && facets == null;
    boolean rankApart = scoreless || RankingPlan.skipsWell(built.query());
    // One hit past the page tells whether a next page exists.
    int wanted = offset + request.size() + 1;
    var ranking =
        new TopFieldCollectorManager(
            SortFields.of(request.sort(), tieOnly, byIdString),
            wanted,
            cursor == null ? null : cursor.toFieldDoc(tieOnly, byIdString),
            rankApart ? wanted : Integer.MAX_VALUE);
    TopFieldDocs top;
    FacetCounter.Counted counted = null;
    boolean rankedInTime;
    if (countFacets && !rankApart) {
      Ranked ranked = rankAndCount(FacetOrdinals.counterFor(snapshot), searcher, built, ranking);
      top = ranked.top();
      counted = ranked.counted();
      rankedInTime = ranked.counted() != null;
    } else {
      top = searcher.search(built.query(), ranking);
      rankedInTime = !searcher.timedOut();
      // Past the budget a pass of its own would see nothing: the facets are then not counted.
      if (countFacets && rankedInTime) {
        counted = FacetOrdinals.counterFor(snapshot).count(searcher, built);
      }
    }
    long total;
    if (counted != null) {
      facets = counted.facets();
      total = Math.max(counted.total(), top.totalHits.value());
      if (cache != null && !searcher.timedOut()) {
        cache.put(built, facets);
      }
    } else {
      // Past the budget there is none left to count: the total is then what was seen. A single
      // term's count is its document count, read without visiting a hit.
      total =
          top.totalHits.relation() == TotalHits.Relation.EQUAL_TO || !rankedInTime
              ? top.totalHits.value()
              : searcher.count(built.query());
    }
    List<ReviewHit> hits =
        hits(searcher, request.highlight() ? built.query() : null, top, offset, request.size());
    // Past the budget the hits are the best of what was examined, not of everything, so a
    // cursor after them could skip reviews; the reader retries rather than pages on. A count that
    // ran out after the ranking leaves the page exact, so it pages on; the total is flagged.
    boolean timedOut = searcher.timedOut();
    String next = null;
    if (rankedInTime && top.scoreDocs.length > offset + request.size()) {
      FieldDoc last = (FieldDoc) top.scoreDocs[offset + request.size() - 1];
      next = Cursor.after(request.sort(), last, hits.getLast().id(), tieOnly).encode();
    }
    return SearchResponse.of(
        request,
        total,
        (System.nanoTime() - start) / 1_000_000,
        next,
        hits,
        facets,
        built.warnings(),
        timedOut);
  }

  /** A searcher of its own: the time-out and its flag belong to one pass of one request alone. */
  private IndexSearcher budgeted(IndexSearcher shared) {
    IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
    searcher.setTimeout(new QueryTimeoutImpl(budget.toMillis()));
    return searcher;
  }

  /**
   * @param counted null when the time ran out in the pass
   */
  private record Ranked(TopFieldDocs top, FacetCounter.Counted counted) {}

  /**
   * Ranks and counts in one pass over the hits; with a sentiment filter, the sentiment facet then
   * takes a pass of its own, run only if the first finished in time.
   */
  private static <R> Ranked rankAndCount(
      FacetCounter<R> counter,
      IndexSearcher searcher,
      ReviewQueryBuilder.Built built,
      TopFieldCollectorManager ranking)
      throws IOException {
    var counting = counter.collecting(built);
    Object[] results = searcher.search(built.query(), new MultiCollectorManager(ranking, counting));
    TopFieldDocs top = (TopFieldDocs) results[0];
    if (searcher.timedOut()) {
      return new Ranked(top, null);
    }
    @SuppressWarnings("unchecked")
    R gathered = (R) results[1];
    return new Ranked(top, counter.counted(gathered, searcher, built));
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

  @Override
  public Optional<ReviewHit> review(String id) {
    return withSnapshot(
        snapshot -> {
          try {
            // A unique id, or an alias of the one review a copy was merged into: two terms, no
            // time budget needed.
            IndexSearcher searcher = snapshot.searcher();
            Query byId =
                new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(ReviewFields.ID, id)), BooleanClause.Occur.SHOULD)
                    .add(
                        new TermQuery(new Term(ReviewFields.ALIASES, id)),
                        BooleanClause.Occur.SHOULD)
                    .build();
            TopDocs top = searcher.search(byId, 1);
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

  @Override
  public List<Review> reviewsOf(String field, String name, int limit) {
    return withSnapshot(snapshot -> ProfileReads.reviewsOf(snapshot, field, name, limit));
  }

  @Override
  public Map<String, pullquote.search.WorkTally> workTallies() {
    return withSnapshot(ProfileReads::tallies);
  }

  /** Reads the served generation; none served is the neutral {@link SearchUnavailableException}. */
  private <T> T withSnapshot(Function<IndexSnapshot, T> work) {
    try {
      return index.withSnapshot(work);
    } catch (IndexUnavailableException e) {
      throw new SearchUnavailableException(e.getMessage());
    }
  }

  /** Builds what searching a new generation needs once; pass to {@link LiveIndex} as its warmer. */
  public static void warm(IndexSnapshot snapshot) {
    FacetOrdinals.buildFor(snapshot);
    criticDirectory(snapshot);
    ProfileReads.tallies(snapshot);
  }

  private static CriticDirectory criticDirectory(IndexSnapshot snapshot) {
    return snapshot.derived(
        CriticDirectory.class, s -> CriticCounts.directory(s.searcher().getIndexReader()));
  }

  @Override
  public List<CriticSuggestion> critics(String prefix, int limit) {
    return withSnapshot(snapshot -> criticDirectory(snapshot).suggest(prefix, limit));
  }

  @Override
  public IndexHealth health() {
    return withSnapshot(
        snapshot ->
            new IndexHealth(
                snapshot.reviewCount(), snapshot.generation().getFileName().toString()));
  }

  @Override
  public IndexStats stats() {
    // A generation never changes, so its figures are counted once, when first asked for.
    return withSnapshot(
        snapshot -> {
          CriticDirectory critics = criticDirectory(snapshot);
          return snapshot.derived(IndexStats.class, s -> count(s, critics));
        });
  }

  private IndexStats count(IndexSnapshot snapshot, CriticDirectory critics) {
    try {
      // counted over every live review (null hits)
      var counter = new LuceneFacetCounter(snapshot::facetState);
      return new IndexStats(
          snapshot.reviewCount(),
          snapshot.sizeBytes(),
          snapshot.generation().getFileName().toString(),
          counter.allValues(ReviewFields.SENTIMENT, null, Sentiment.keys()),
          counter.allValues(ReviewFields.SENTIMENT_SOURCE, null, SentimentSource.keys()),
          critics.size(),
          counter.children(ReviewFields.WORK, null, 1).childCount,
          snapshot.buildInfo().orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
