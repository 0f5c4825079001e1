package pullquote.ingest;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pullquote.sentiment.LinearSentimentModel;

/** Shared helpers for the ingest tests: fixture paths, a collecting sink, a one-call ingest. */
final class IngestTestSupport {

  private IngestTestSupport() {}

  static Path fixture(String name) {
    URL url = IngestTestSupport.class.getResource("/fixtures/ingest/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The result of one ingest run: the reviews in the order they came out, and the report. */
  record Run(List<Review> reviews, IngestReport report) {
    List<String> ids() {
      return reviews.stream().map(Review::id).toList();
    }
  }

  static Run ingest(IngestOptions options, Path... paths) {
    List<Review> reviews = new ArrayList<>();
    Ingestor ingestor =
        new Ingestor(
            new SentimentResolver(LinearSentimentModel.bundled()), Json.newMapper(), options);
    IngestReport report = ingestor.ingest(List.of(paths), reviews::add, IngestProgress.NONE);
    return new Run(reviews, report);
  }

  static Run ingest(Path... paths) {
    return ingest(IngestOptions.DEFAULT, paths);
  }

  /** Keeps everything a reader sends. */
  static final class CollectingSink implements ReviewSink {
    final List<RawReview> reviews = new ArrayList<>();
    final List<IngestProblem> skips = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    @Override
    public void accept(RawReview review) {
      reviews.add(review);
    }

    @Override
    public void skip(Path file, int line, SkipReason reason, String detail) {
      skips.add(new IngestProblem(file.toString(), line, reason, detail));
    }

    @Override
    public void warn(Path file, int line, String kind, String detail) {
      warnings.add(kind + "@" + line);
    }

    /** "reason@line" for every skip, in order. */
    List<String> skipSummary() {
      return skips.stream().map(p -> p.reason() + "@" + p.line()).toList();
    }
  }
}
