package pullquote.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import pullquote.index.ReviewFields;

/**
 * Draws the relevance benchmark's queries from an index: quotes of 3 to 6 consecutive words that
 * point at one review, each changed as its {@link QuoteKind} says. The same corpus and seed draw
 * the same queries, whichever build of its index they are drawn from.
 */
public final class MisrememberedQuotes {

  static final int MIN_WORDS = 3;
  static final int MAX_WORDS = 6;

  /** Substitutes are drawn from this many of the most frequent words. */
  private static final int COMMON_WORDS = 2_000;

  private static final Set<String> FIELDS =
      Set.of(ReviewFields.ID, ReviewFields.TEXT, ReviewFields.CRITIC);

  private final IndexReader reader;
  private final StoredFields stored;

  /** The live reviews, drawn from by position, in an order their ids alone decide. */
  private final int[] reviews;

  private final Distinctiveness distinctiveness;
  private final Misremembering misremembering;

  MisrememberedQuotes(IndexSearcher searcher, Misremembering misremembering) throws IOException {
    this.reader = searcher.getIndexReader();
    this.stored = reader.storedFields();
    this.reviews = StableOrder.liveDocs(reader);
    this.distinctiveness = new Distinctiveness(searcher);
    this.misremembering = misremembering;
  }

  /** Drawing from the searcher's index, with its vocabulary and the bench's word lists. */
  public static MisrememberedQuotes of(IndexSearcher searcher) throws IOException {
    return new MisrememberedQuotes(
        searcher,
        new Misremembering(
            IndexVocabulary.read(searcher.getIndexReader(), COMMON_WORDS),
            Counterparts.load(Counterparts.SPELLINGS),
            Counterparts.load(Counterparts.SYNONYMS)));
  }

  /**
   * @param perKind queries of every kind, controls too
   * @return the queries grouped by kind in {@link QuoteKind} order
   * @throws IllegalArgumentException when the index has too few reviews to fill a kind
   */
  public List<RelevanceQuery> draw(int perKind, long seed) throws IOException {
    if (perKind < 1) {
      throw new IllegalArgumentException("perKind must be at least 1");
    }
    // each kind its own stream, so how one kind draws does not move the others' queries
    Random seeds = new Random(seed);
    List<RelevanceQuery> queries = new ArrayList<>();
    for (QuoteKind kind : QuoteKind.values()) {
      queries.addAll(drawKind(kind, perKind, new Random(seeds.nextLong())));
    }
    return queries;
  }

  private List<RelevanceQuery> drawKind(QuoteKind kind, int perKind, Random random)
      throws IOException {
    List<RelevanceQuery> queries = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    while (queries.size() < perKind) {
      RelevanceQuery query = drawOne(kind, random, used);
      if (query == null) {
        throw new IllegalArgumentException(
            String.format(
                "the index has too few reviews with a distinctive quote for %s queries: drew %d"
                    + " of %d",
                kind.key(), queries.size(), perKind));
      }
      queries.add(query);
    }
    return queries;
  }

  /**
   * A quote of a length drawn at random from a random review, or from the next one on that can give
   * one (a kind with a condition, such as a word with another spelling, reads on until a review
   * meets it); each review at most once per kind.
   */
  private RelevanceQuery drawOne(QuoteKind kind, Random random, Set<Integer> used)
      throws IOException {
    int length = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS + 1);
    int first = reviews.length == 0 ? 0 : random.nextInt(reviews.length);
    for (int i = 0; i < reviews.length; i++) {
      int doc = reviews[(first + i) % reviews.length];
      if (used.contains(doc)) {
        continue;
      }
      RelevanceQuery query = quoteFrom(review(doc), kind, length, random);
      if (query != null) {
        used.add(doc);
        return query;
      }
    }
    return null;
  }

  /** A quote of the review that the kind can change, or null when the review has none. */
  RelevanceQuery quoteFrom(SourceReview review, QuoteKind kind, int length, Random random)
      throws IOException {
    List<Integer> starts =
        IntStream.range(0, review.words().size())
            .filter(s -> qualifies(review, s, length, kind))
            .boxed()
            .toList();
    if (starts.isEmpty()) {
      return null;
    }
    List<String> quote = review.run(starts.get(random.nextInt(starts.size())), length);
    Hit target = new Hit(review.id(), review.text());
    if (!distinctiveness.isDistinctive(quote, target)) {
      return null;
    }
    List<String> typed = misremembering.apply(kind, quote, review, random);
    return typed == null ? null : new RelevanceQuery(kind, quote, typed, target);
  }

  private boolean qualifies(SourceReview review, int start, int length, QuoteKind kind) {
    List<String> run = review.run(start, length);
    return run != null && misremembering.qualifies(kind, run, review);
  }

  SourceReview review(int doc) throws IOException {
    Document document = stored.document(doc, FIELDS);
    return SourceReview.of(
        doc,
        document.get(ReviewFields.ID),
        document.get(ReviewFields.TEXT),
        document.get(ReviewFields.CRITIC));
  }
}
