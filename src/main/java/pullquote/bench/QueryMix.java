package pullquote.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.sentiment.Sentiment;

/**
 * Draws the benchmark's query mix from an index: words, phrases and critics taken from reviews
 * picked with a fixed seed, so every query has answers and the same index gives the same mix.
 */
public final class QueryMix {

  private static final int MAX_DRAWS_PER_QUERY = 50;

  private QueryMix() {}

  /**
   * @param perClass how many queries of each class
   * @return the queries, grouped by class in {@link QueryClass} order
   * @throws IllegalArgumentException when the index is empty or too small to fill a class
   */
  public static List<BenchQuery> draw(IndexReader reader, int perClass, long seed)
      throws IOException {
    if (perClass < 1) {
      throw new IllegalArgumentException("perClass must be at least 1");
    }
    if (reader.numDocs() == 0) {
      throw new IllegalArgumentException("the index is empty");
    }
    Random random = new Random(seed);
    StoredFields stored = reader.storedFields();
    Map<QueryClass, List<BenchQuery>> mix = new EnumMap<>(QueryClass.class);
    try (Analyzer analyzer = ReviewAnalyzers.forPhrases()) {
      for (QueryClass kind : QueryClass.values()) {
        mix.put(
            kind,
            drawClass(kind, perClass, analyzer, () -> review(reader, stored, random), random));
      }
    }
    return mix.values().stream().flatMap(List::stream).toList();
  }

  /**
   * A drawn mix reordered one query of each class in turn, so a run that gets through only part of
   * it still samples every class.
   */
  static List<BenchQuery> interleaved(List<BenchQuery> mix, int perClass) {
    List<BenchQuery> out = new ArrayList<>(mix.size());
    for (int i = 0; i < perClass; i++) {
      for (int kind = 0; kind < QueryClass.values().length; kind++) {
        out.add(mix.get(kind * perClass + i));
      }
    }
    return out;
  }

  private static List<BenchQuery> drawClass(
      QueryClass kind, int perClass, Analyzer analyzer, Source source, Random random)
      throws IOException {
    List<BenchQuery> queries = new ArrayList<>();
    for (int draws = 0;
        queries.size() < perClass && draws < perClass * MAX_DRAWS_PER_QUERY;
        draws++) {
      BenchQuery query = draw(kind, analyzer, source, random);
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

  private static Document review(IndexReader reader, StoredFields stored, Random random)
      throws IOException {
    return stored.document(random.nextInt(reader.maxDoc()));
  }

  /** A query of the class from the next review(s), or null when the review offers none. */
  private static BenchQuery draw(QueryClass kind, Analyzer analyzer, Source source, Random random)
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
        List<String> other = words(analyzer, source.next().get(ReviewFields.TEXT));
        other = other.stream().filter(QueryMix::isContentWord).toList();
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
    };
  }

  private static BenchQuery query(QueryClass kind, List<String> words) {
    return new BenchQuery(kind, words, null, null);
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
