package pullquote.search.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import pullquote.index.IndexLayout;
import pullquote.index.LiveIndex;
import pullquote.index.ReviewAnalyzers;
import pullquote.search.Forgiveness;
import pullquote.search.ReviewSearchService;
import pullquote.search.SearchBackend;
import pullquote.search.SearchUnavailableException;

/**
 * The local index as a backend: opens the published generation (warming what searching it needs),
 * follows rebuilds by polling for a newer one, and closes both.
 */
public final class LuceneBackend implements SearchBackend {

  private final Path dir;
  private final LiveIndex live;
  private final LuceneReviewSearchService service;
  private final boolean serving;
  private IndexPoller poller;

  /**
   * @param dir the index directory ({@code index/} by default)
   * @param serving true for a server: each generation is warmed (facet ordinals, the critic
   *     directory) before it is searched, and one published after {@link #open} is picked up; false
   *     for a one-off command, which searches the generation it opened, unwarmed
   */
  public LuceneBackend(
      Path dir, ObjectMapper json, Duration budget, Forgiveness forgiveness, boolean serving) {
    this.dir = dir;
    this.live =
        serving
            ? new LiveIndex(new IndexLayout(dir), json, LuceneReviewSearchService::warm)
            : new LiveIndex(new IndexLayout(dir), json);
    this.service =
        new LuceneReviewSearchService(live, ReviewAnalyzers.create(), budget, forgiveness);
    this.serving = serving;
  }

  @Override
  public ReviewSearchService service() {
    return service;
  }

  /**
   * @throws SearchUnavailableException when no generation is published or it does not open cleanly
   *     (a truncated file would mean wrong answers, so it is never served)
   */
  @Override
  public synchronized void open() {
    try {
      if (new IndexLayout(dir).current().isEmpty()) {
        throw new SearchUnavailableException(
            "no index in " + dir + "; build one with: pullquote index --index " + dir + " PATH...");
      }
      live.refresh();
    } catch (SearchUnavailableException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      String fault = fault(e);
      throw new SearchUnavailableException(
          "the index in "
              + dir
              + " cannot be opened ("
              + fault
              + "); rebuild it with: pullquote index --index "
              + dir
              + " PATH...");
    }
    if (serving && poller == null) {
      poller = new IndexPoller(live);
    }
  }

  /**
   * What is wrong with an index that will not open, without Lucene's directory and lock-factory
   * dump: a missing file by name, else Lucene's own words.
   */
  private static String fault(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.nio.file.NoSuchFileException missing && missing.getFile() != null) {
        return "its file " + Path.of(missing.getFile()).getFileName() + " is missing";
      }
    }
    if (e instanceof org.apache.lucene.index.IndexNotFoundException) {
      return "its commit file (segments_N) is missing";
    }
    if (e instanceof org.apache.lucene.index.CorruptIndexException corrupt) {
      // the file on disk: Lucene describes it as path="..." inside the reader's name
      String description = String.valueOf(corrupt.getResourceDescription());
      var path = java.util.regex.Pattern.compile("path=\"([^\"]+)\"").matcher(description);
      String file =
          path.find()
              ? Path.of(path.group(1)).getFileName().toString()
              : description.substring(description.lastIndexOf('/') + 1);
      return "its file " + file + " is damaged: " + corrupt.getOriginalMessage();
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  /** The live index, for tools that read it directly (benchmarks against raw Lucene). */
  public LiveIndex live() {
    return live;
  }

  @Override
  public String describe() {
    return dir.toString();
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.close();
      poller = null;
    }
    try {
      live.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
