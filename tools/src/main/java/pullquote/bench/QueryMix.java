package pullquote.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.search.Forgiveness;
import pullquote.sentiment.Sentiment;

/**
 * Draws the benchmark's query mix from an index: words, phrases and critics taken from reviews
 * picked with a fixed seed, so every query has answers and the same corpus gives the same mix from
 * every build of its index.
 */
public final class QueryMix {

  private static final int MAX_DRAWS_PER_QUERY = 50;

  /** Words this long or longer are forgiven a typo by the search box, so only they are misspelt. */
  static final int TYPO_MIN_LETTERS = Forgiveness.DEFAULT.oneTypoFrom();

  private QueryMix() {}

  /**
   * @param perClass how many queries of each class
   * @return the queries, grouped by class in {@link QueryClass} order
   * @throws IllegalArgumentException when the index is empty or too small to fill a class
   */
  public static List<BenchQuery> draw(IndexReader reader, int perClass, long seed)
      throws IOException {
    return draw(reader, perClass, seed, List.of(QueryClass.values()));
  }

  /**
   * The mix of some classes only, drawn in the order given from one stream of random choices: a
   * class added to the end of the list leaves the queries of the classes before it as they were.
   */
  static List<BenchQuery> draw(
      IndexReader reader, int perClass, long seed, List<QueryClass> classes) throws IOException {
    if (perClass < 1) {
      throw new IllegalArgumentException("perClass must be at least 1");
    }
    if (reader.numDocs() == 0) {
      throw new IllegalArgumentException("the index is empty");
    }
    Random random = new Random(seed);
    StoredFields stored = reader.storedFields();
    int[] reviews = StableOrder.liveDocs(reader);
    List<BenchQuery> mix = new ArrayList<>();
    try (Analyzer analyzer = ReviewAnalyzers.forPhrases();
        Analyzer searched = ReviewAnalyzers.create()) {
      IndexWords index = new IndexWords(reader, searched);
      for (QueryClass kind : classes) {
        mix.addAll(
            drawClass(
                kind,
                perClass,
                analyzer,
                index,
                () -> stored.document(reviews[random.nextInt(reviews.length)]),
                random));
      }
    }
    return List.copyOf(mix);
  }

  /**
   * A drawn mix reordered one query of each class in turn, so a run that gets through only part of
   * it still samples every class.
   */
  static List<BenchQuery> interleaved(List<BenchQuery> mix, int perClass) {
    if (perClass < 1 || mix.size() % perClass != 0) {
      throw new IllegalArgumentException("a mix holds perClass queries of each class");
    }
    List<BenchQuery> out = new ArrayList<>(mix.size());
    for (int i = 0; i < perClass; i++) {
      for (int kind = 0; kind < mix.size() / perClass; kind++) {
        out.add(mix.get(kind * perClass + i));
      }
    }
    return out;
  }

  private static List<BenchQuery> drawClass(
      QueryClass kind,
      int perClass,
      Analyzer analyzer,
      IndexWords index,
      Source source,
      Random random)
      throws IOException {
    List<BenchQuery> queries = new ArrayList<>();
    for (int draws = 0;
        queries.size() < perClass && draws < perClass * MAX_DRAWS_PER_QUERY;
        draws++) {
      BenchQuery query = draw(kind, analyzer, index, source, random);
      if (query != null) {
        queries.add(query);
      }
    }
    if (queries.size() < perClass) {
      throw new IllegalArgumentException(
          "the index has too few reviews to draw " + perClass + " " + kind.key() + " queries");
    }
    return queries;
  }

  private interface Source {
    Document next() throws IOException;
  }

  /** A query of the class from the next review(s), or null when the review offers none. */
  private static BenchQuery draw(
      QueryClass kind, Analyzer analyzer, IndexWords index, Source source, Random random)
      throws IOException {
    Document review = source.next();
    List<String> words = words(analyzer, review.get(ReviewFields.TEXT));
    List<String> content = words.stream().filter(QueryMix::isContentWord).toList();
    return switch (kind) {
      case WORD -> content.isEmpty() ? null : query(kind, List.of(pick(content, random)));
      case AND -> {
        List<String> picked =
            content.isEmpty()
                ? null
                : distinct(content, 2 + random.nextInt(2), random.nextInt(content.size()));
        yield picked == null ? null : query(kind, picked);
      }
      case OR -> {
        List<String> other = content(analyzer, source.next());
        yield content.isEmpty() || other.isEmpty()
            ? null
            : query(kind, List.of(pick(content, random), pick(other, random)));
      }
      case PHRASE -> {
        if (words.size() < 3) {
          yield null;
        }
        int start = random.nextInt(words.size() - 2);
        yield query(kind, words.subList(start, start + 3));
      }
      case CRITIC -> {
        String critic = review.get(ReviewFields.CRITIC);
        yield critic == null ? null : new BenchQuery(kind, List.of(), critic, null);
      }
      case SENTIMENT ->
          new BenchQuery(
              kind,
              List.of(),
              null,
              Sentiment.parse(review.get(ReviewFields.SENTIMENT)).orElseThrow());
      case TYPO -> typo(content, index, random);
      case RELAXED -> relaxed(content, content(analyzer, source.next()), index, random);
    };
  }

  /**
   * Two words of the review as {@link QueryClass#AND} draws them, one of them misspelt into a word
   * the search box cannot find as typed, so it takes the typo path; null when the review offers
   * none.
   */
  private static BenchQuery typo(List<String> content, IndexWords index, Random random)
      throws IOException {
    List<String> pair =
        content.isEmpty() ? null : distinct(content, 2, random.nextInt(content.size()));
    if (pair == null) {
      return null;
    }
    List<Integer> typable = new ArrayList<>();
    for (int i = 0; i < pair.size(); i++) {
      if (pair.get(i).length() >= TYPO_MIN_LETTERS) {
        typable.add(i);
      }
    }
    if (typable.isEmpty()) {
      return null;
    }
    int at = typable.get(random.nextInt(typable.size()));
    String slip = slip(pair.get(at), random);
    if (slip == null || !isContentWord(slip) || index.findsAsTyped(slip)) {
      return null;
    }
    List<String> words = new ArrayList<>(pair);
    words.set(at, slip);
    return new BenchQuery(
        QueryClass.TYPO, words, null, null, new BenchQuery.Typo(at, pair.get(at)));
  }

  /**
   * The word with two neighbouring inner letters swapped, or (when it stays {@link
   * #TYPO_MIN_LETTERS} long) an inner letter dropped; null when no swap changes it.
   */
  static String slip(String word, Random random) {
    StringBuilder out = new StringBuilder(word);
    if (word.length() > TYPO_MIN_LETTERS && random.nextBoolean()) {
      return out.deleteCharAt(1 + random.nextInt(word.length() - 2)).toString();
    }
    List<Integer> swappable = new ArrayList<>();
    for (int i = 1; i + 2 < word.length(); i++) {
      if (word.charAt(i) != word.charAt(i + 1)) {
        swappable.add(i);
      }
    }
    if (swappable.isEmpty()) {
      return null;
    }
    int i = swappable.get(random.nextInt(swappable.size()));
    out.setCharAt(i, word.charAt(i + 1));
    out.setCharAt(i + 1, word.charAt(i));
    return out.toString();
  }

  /**
   * Two words of the review and one of another that no review's text has all three of; words found
   * in names are left out, as a name would give a review all three; null when none are left.
   */
  private static BenchQuery relaxed(
      List<String> content, List<String> otherContent, IndexWords index, Random random)
      throws IOException {
    List<String> own = index.outsideNames(content);
    List<String> pair = own.isEmpty() ? null : distinct(own, 2, random.nextInt(own.size()));
    if (pair == null) {
      return null;
    }
    List<String> other =
        index.outsideNames(otherContent).stream().filter(w -> !pair.contains(w)).toList();
    if (other.isEmpty()) {
      return null;
    }
    List<String> words = new ArrayList<>(pair);
    words.add(pick(other, random));
    return index.reviewsWithAll(words) == 0 ? query(QueryClass.RELAXED, words) : null;
  }

  /**
   * What the index knows of words, as the search box asks: in the review text (written or by stem,
   * the text query {@link QueryClass#AND} builds), and in critic, publication and work names.
   */
  private static final class IndexWords {
    private static final List<String> NAME_FIELDS =
        List.of(ReviewFields.CRITIC_WORDS, ReviewFields.PUBLICATION_WORDS, ReviewFields.WORK_WORDS);

    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final QueryBuilder text;

    IndexWords(IndexReader reader, Analyzer analyzer) {
      this.reader = reader;
      this.searcher = new IndexSearcher(reader);
      // drawing leaves nothing in the query cache that the measured searches share
      this.searcher.setQueryCache(null);
      this.text = new QueryBuilder(analyzer);
    }

    /**
     * True when the search box would find the word as typed (written or by stem in the text, or in
     * a name), or would not take it for a word at all.
     */
    boolean findsAsTyped(String word) throws IOException {
      Query query = text.createBooleanQuery(ReviewFields.TEXT, word, Occur.MUST);
      return query == null
          || reader.docFreq(new Term(ReviewFields.TEXT, word)) > 0
          || searcher.count(query) > 0
          || inNames(word);
    }

    List<String> outsideNames(List<String> words) throws IOException {
      List<String> outside = new ArrayList<>();
      for (String word : words) {
        if (!inNames(word)) {
          outside.add(word);
        }
      }
      return outside;
    }

    /** How many reviews have every word in their text. */
    int reviewsWithAll(List<String> words) throws IOException {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      for (String word : words) {
        all.add(text.createBooleanQuery(ReviewFields.TEXT, word, Occur.MUST), Occur.MUST);
      }
      return searcher.count(all.build());
    }

    private boolean inNames(String word) throws IOException {
      for (String field : NAME_FIELDS) {
        if (reader.docFreq(new Term(field, word)) > 0) {
          return true;
        }
      }
      return false;
    }
  }

  private static BenchQuery query(QueryClass kind, List<String> words) {
    return new BenchQuery(kind, words, null, null);
  }

  private static List<String> content(Analyzer analyzer, Document review) throws IOException {
    return words(analyzer, review.get(ReviewFields.TEXT)).stream()
        .filter(QueryMix::isContentWord)
        .toList();
  }

  /**
   * The text's words as the index holds them (unstemmed), so every drawn query can match: a pattern
   * of letters would take "pwned" out of "window.pwned", which the index keeps whole.
   */
  private static List<String> words(Analyzer analyzer, String text) throws IOException {
    List<String> words = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(ReviewFields.TEXT, text == null ? "" : text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    }
    return words;
  }

  /** Words a person would type: letters only, not a stop word, long enough to mean something. */
  private static boolean isContentWord(String word) {
    return word.length() >= 4
        && word.chars().allMatch(Character::isLetter)
        && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word);
  }

  private static String pick(List<String> words, Random random) {
    return words.get(random.nextInt(words.size()));
  }

  /** Up to n different words, read on from {@code start} and round; null when fewer than 2. */
  private static List<String> distinct(List<String> words, int n, int start) {
    List<String> result = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get((start + i) % words.size());
      if (!result.contains(word)) {
        result.add(word);
      }
      if (result.size() == n) {
        return result;
      }
    }
    return result.size() >= 2 ? result : null;
  }
}
