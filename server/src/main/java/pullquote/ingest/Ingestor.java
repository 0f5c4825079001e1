package pullquote.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import pullquote.sentiment.RatingScale;

/**
 * Reads files and directories (recursively, in name order so ids and order are reproducible), turns
 * every record into a {@link Review} and hands it on; problems go to the report.
 */
public final class Ingestor {

  /** Threads the text model decides text-only reviews on, beside the reading thread. */
  static final int MODEL_THREADS =
      Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

  private final SentimentResolver sentiment;
  private final ObjectMapper json;
  private final IngestOptions options;

  public Ingestor(SentimentResolver sentiment, ObjectMapper json, IngestOptions options) {
    this.sentiment = sentiment;
    this.json = json;
    this.options = options;
  }

  /**
   * Reads every path; never throws for bad input, which is reported instead. An exception thrown by
   * {@code out} ends the run and is rethrown as it was.
   */
  public IngestReport ingest(List<Path> paths, Consumer<Review> out, IngestProgress progress) {
    IngestReport report = new IngestReport();
    InputFiles inputs = InputFiles.of(paths, options.sourceLabel(), report);
    List<Path> files = inputs.files();
    Map<String, String> shownAs = inputs.shownAs();
    long size = files.stream().mapToLong(Ingestor::size).sum();
    // Two passes over the input, each shown as half of the progress: the first finds which
    // records may be copies of others, so the second holds back only those.
    ExecutorService modelThreads = TextSentimentQueue.threads(MODEL_THREADS);
    try {
      DuplicateScan.Clusters clusters = scan(files, progress, 2 * size, modelThreads);
      DuplicateMerger merger =
          new DuplicateMerger(
              clusters,
              report,
              review -> {
                report.reviewAccepted(review);
                try {
                  out.accept(review);
                } catch (RuntimeException e) {
                  throw new OutputFailed(e);
                }
              });
      TextSentimentQueue queue =
          new TextSentimentQueue(
              sentiment, modelThreads, MODEL_THREADS, merger::accept, TextSentimentQueue.WINDOW);
      ReviewIds ids = new ReviewIds();
      long done = size;
      for (Path file : files) {
        long before = done;
        Sink sink =
            new Sink(
                report,
                raw -> normalise(raw, ids, report, shownAs, queue),
                consumed -> progress.update(before + consumed, 2 * size, report.reviews()));
        readFile(file, sink, report);
        done += size(file);
        progress.update(done, 2 * size, report.reviews());
      }
      queue.finish();
      merger.finish();
      progress.update(2 * size, 2 * size, report.reviews()); // the reviews the queue held back
    } catch (OutputFailed e) {
      throw e.getCause();
    } catch (TextSentimentQueue.ModelFailed e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    } finally {
      modelThreads.shutdownNow();
    }
    return report;
  }

  /**
   * The first pass: every record that the second will make a review of, by its work and text, and
   * no report (the second pass reports each problem once).
   */
  private DuplicateScan.Clusters scan(
      List<Path> files, IngestProgress progress, long total, Executor modelThreads) {
    DuplicateScan scan = new DuplicateScan();
    boolean[] prepared = {false};
    IngestReport unreported = new IngestReport();
    long done = 0;
    for (Path file : files) {
      long before = done;
      Sink sink =
          new Sink(
              unreported,
              raw -> {
                String text = TextCleaner.clean(raw.text()).value();
                if (!text.isEmpty()) {
                  scan.add(orAsRead(TextCleaner.clean(raw.work()), raw.work()), text);
                  if (!prepared[0] && sentiment.costly() && needsModel(raw)) {
                    prepared[0] = true;
                    TextSentimentQueue.prepare(sentiment, modelThreads);
                  }
                }
              },
              consumed -> progress.update(before + consumed, total, 0));
      readFile(file, sink, unreported);
      done += size(file);
    }
    return scan.clusters();
  }

  private boolean needsModel(RawReview raw) {
    Integer score = RatingScale.normalise(raw.scoreRaw(), raw.scoreContext()).orElse(null);
    return sentiment.resolveKnown(score, raw.label(), raw.pageSentiment()) == null;
  }

  private void readFile(Path file, Sink sink, IngestReport report) {
    try {
      Optional<InputFormat> format = InputFormat.detect(file);
      if (format.isEmpty()) {
        sink.skip(file, 0, SkipReason.UNKNOWN_FORMAT, "not a critic page, CSV or JSON Lines file");
        return;
      }
      readerFor(format.get()).read(file, sink);
      report.fileRead();
    } catch (OutputFailed | TextSentimentQueue.ModelFailed e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      sink.skip(file, 0, SkipReason.UNREADABLE_FILE, String.valueOf(e.getMessage()));
    }
  }

  private ReviewReader readerFor(InputFormat format) {
    return switch (format) {
      case PAGE -> new MetacriticPageReader(options.work());
      case CSV -> new CsvReviewReader(options.columns(), options.work());
      case JSON_LINES -> new JsonLinesReviewReader(json, options.work());
    };
  }

  /**
   * Where a record read becomes a review: its texts cleaned, its score normalised, its sentiment
   * chosen (by the text model on the queue's threads when nothing else tells it); skipped and
   * reported when cleaning left no text.
   */
  private void normalise(
      RawReview raw,
      ReviewIds ids,
      IngestReport report,
      Map<String, String> shownAs,
      TextSentimentQueue queue) {
    TextCleaner.Cleaned text = TextCleaner.clean(raw.text());
    if (text.value().isEmpty()) {
      report.skipped(
          new IngestProblem(
              raw.source(),
              raw.position(),
              SkipReason.EMPTY_TEXT,
              "no text left once its markup was removed"));
      return;
    }
    TextCleaner.Cleaned work = TextCleaner.clean(raw.work());
    TextCleaner.Cleaned critic = TextCleaner.clean(raw.critic());
    TextCleaner.Cleaned publication = TextCleaner.clean(raw.publication());
    List<TextCleaner.Cleaned> all = List.of(text, work, critic, publication);
    if (all.stream().anyMatch(TextCleaner.Cleaned::decoded)) {
      report.counted("html entities decoded");
    }
    if (all.stream().anyMatch(TextCleaner.Cleaned::unmarked)) {
      report.counted("markup removed");
    }
    if (all.stream().anyMatch(TextCleaner.Cleaned::controls)) {
      report.counted("control characters removed");
    }
    Integer score = RatingScale.normalise(raw.scoreRaw(), raw.scoreContext()).orElse(null);
    if (raw.scoreRaw() != null && score == null) {
      report.noted(
          "unreadable score",
          new IngestProblem(
              raw.source(),
              raw.position(),
              null,
              "score '" + raw.scoreRaw() + "' kept as published, not normalised"));
    }
    // Ids come from the record as read, so a review keeps its id whatever cleaning does.
    String id = ids.assign(raw);
    Function<SentimentResolver.Decision, Review> review =
        decision ->
            new Review(
                id,
                orAsRead(work, raw.work()),
                orAsRead(critic, raw.critic()),
                orAsRead(publication, raw.publication()),
                raw.date(),
                raw.scoreRaw(),
                score,
                decision.sentiment(),
                decision.source(),
                decision.confidence(),
                decision.evidence(),
                text.value(),
                shownAs.getOrDefault(raw.source(), raw.source()),
                raw.position());
    var known = sentiment.resolveKnown(score, raw.label(), raw.pageSentiment());
    if (known != null) {
      queue.add(review.apply(known));
    } else {
      queue.add(text.value(), review);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** A name as cleaned, or as read (stripped) when cleaning would leave nothing of it. */
  private static String orAsRead(TextCleaner.Cleaned cleaned, String read) {
    if (read == null) {
      return null;
    }
    return cleaned.value().isEmpty() ? read.strip() : cleaned.value();
  }

  /** A failure of the consumer, not of the input: it ends the run instead of skipping a file. */
  private static final class OutputFailed extends RuntimeException {
    OutputFailed(RuntimeException cause) {
      super(cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
      return (RuntimeException) super.getCause();
    }
  }

  /** Routes a reader's findings to the report and accepted records onward. */
  private record Sink(
      IngestReport report, Consumer<RawReview> onReview, java.util.function.LongConsumer onProgress)
      implements ReviewSink {

    @Override
    public void accept(RawReview review) {
      onReview.accept(review);
    }

    @Override
    public void skip(Path file, int line, SkipReason reason, String detail) {
      report.skipped(new IngestProblem(file.toString(), line, reason, detail));
    }

    @Override
    public void warn(Path file, int line, String kind, String detail) {
      report.noted(kind, new IngestProblem(file.toString(), line, null, detail));
    }

    @Override
    public void progress(long consumed) {
      onProgress.accept(consumed);
    }
  }
}
