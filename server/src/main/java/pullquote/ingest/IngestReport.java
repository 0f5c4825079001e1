package pullquote.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

/**
 * What one ingest run read, kept and skipped. Problems are counted in full and listed up to a cap,
 * so a file with a million bad rows cannot exhaust memory.
 */
public final class IngestReport {

  /** How many problems are kept for listing; the counts are always complete. */
  public static final int LISTED_PROBLEMS = 1000;

  private int filesRead;
  private long reviews;
  private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
  private final Map<String, Long> notes = new TreeMap<>();
  private final Map<SentimentSource, Long> bySource = new EnumMap<>(SentimentSource.class);
  private final Map<Sentiment, Long> bySentiment = new EnumMap<>(Sentiment.class);
  private final List<IngestProblem> problems = new ArrayList<>();
  private long unlistedProblems;

  void fileRead() {
    filesRead++;
  }

  void reviewAccepted(Review review) {
    reviews++;
    bySource.merge(review.sentimentSource(), 1L, Long::sum);
    bySentiment.merge(review.sentiment(), 1L, Long::sum);
  }

  void skipped(IngestProblem problem) {
    skipped.merge(problem.reason(), 1L, Long::sum);
    list(problem);
  }

  void noted(String kind, IngestProblem problem) {
    notes.merge(kind, 1L, Long::sum);
    list(problem);
  }

  /** A change made to a record that is not a doubt about it (so not listed with the problems). */
  void counted(String kind) {
    notes.merge(kind, 1L, Long::sum);
  }

  private void list(IngestProblem problem) {
    if (problems.size() < LISTED_PROBLEMS) {
      problems.add(problem);
    } else {
      unlistedProblems++;
    }
  }

  public int filesRead() {
    return filesRead;
  }

  public long reviews() {
    return reviews;
  }

  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<SkipReason, Long> skipped() {
    return Collections.unmodifiableMap(skipped);
  }

  /**
   * Doubts that skipped nothing, and changes made in cleaning, counted by kind ("unreadable score",
   * "placeholder date", "html entities decoded", "markup removed", ...).
   */
  public Map<String, Long> notes() {
    return Collections.unmodifiableMap(notes);
  }

  public Map<SentimentSource, Long> bySource() {
    return Collections.unmodifiableMap(bySource);
  }

  public Map<Sentiment, Long> bySentiment() {
    return Collections.unmodifiableMap(bySentiment);
  }

  /** The first {@link #LISTED_PROBLEMS} problems, in the order they were met. */
  public List<IngestProblem> problems() {
    return Collections.unmodifiableList(problems);
  }

  public long unlistedProblems() {
    return unlistedProblems;
  }
}
