package pullquote.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import pullquote.sentiment.RatingScale;

/**
 * Reads files and directories (recursively, in name order so ids and order are reproducible), turns
 * every record into a {@link Review} and hands it on; problems go to the report.
 */
public final class Ingestor {

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
    DuplicateScan.Clusters clusters = scan(files, progress, 2 * size);
    ReviewIds ids = new ReviewIds();
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
    try {
      long done = size;
      for (Path file : files) {
        long before = done;
        Sink sink =
            new Sink(
                report,
                raw -> {
                  Review review = normalise(raw, ids, report, shownAs);
                  if (review != null) {
                    merger.accept(review);
                  }
                },
                consumed -> progress.update(before + consumed, 2 * size, report.reviews()));
        readFile(file, sink, report);
        done += size(file);
        progress.update(done, 2 * size, report.reviews());
      }
      merger.finish();
    } catch (OutputFailed e) {
      throw e.getCause();
    }
    return report;
  }

  /**
   * The first pass: every record that the second will make a review of, by its work and text, and
   * no report (the second pass reports each problem once).
   */
  private DuplicateScan.Clusters scan(List<Path> files, IngestProgress progress, long total) {
    DuplicateScan scan = new DuplicateScan();
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
                }
              },
              consumed -> progress.update(before + consumed, total, 0));
      readFile(file, sink, unreported);
      done += size(file);
    }
    return scan.clusters();
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
    } catch (OutputFailed e) {
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
   * chosen; null (and reported) when cleaning left no text.
   */
  private Review normalise(
      RawReview raw, ReviewIds ids, IngestReport report, Map<String, String> shownAs) {
    TextCleaner.Cleaned text = TextCleaner.clean(raw.text());
    if (text.value().isEmpty()) {
      report.skipped(
          new IngestProblem(
              raw.source(),
              raw.position(),
              SkipReason.EMPTY_TEXT,
              "no text left once its markup was removed"));
      return null;
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
    var decision = sentiment.resolve(score, raw.label(), raw.pageSentiment(), text.value());
    // Ids come from the record as read, so a review keeps its id whatever cleaning does.
    return new Review(
        ids.assign(raw),
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
