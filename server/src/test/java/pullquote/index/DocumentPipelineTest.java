package pullquote.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import pullquote.ingest.Review;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;

class DocumentPipelineTest {

  @TempDir Path dir;

  private static Review review(int i) {
    return new Review(
        "r" + i,
        "Work",
        "Critic " + i,
        null,
        null,
        null,
        null,
        Sentiment.POSITIVE,
        SentimentSource.LABEL,
        null,
        List.of(),
        "text number " + i,
        "test",
        i);
  }

  @Test
  void everyAcceptedReviewIsInTheIndexAfterClose() throws Exception {
    try (FSDirectory fs = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(fs, new IndexWriterConfig(ReviewAnalyzers.create()))) {
      try (DocumentPipeline pipeline = new DocumentPipeline(writer, 2)) {
        for (int i = 0; i < 10_000; i++) {
          pipeline.accept(review(i));
        }
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(fs)) {
        assertThat(reader.numDocs()).isEqualTo(10_000);
      }
    }
  }

  @Test
  @Timeout(60)
  void closeEndsEveryWorkerWhicheverWorkerTakesWhichEndMarker() throws Exception {
    // Regression: close() once skipped the end marker of a worker it found already ended, even
    // when that worker had taken another's marker, and then waited for ever on the other one.
    // The race is narrow, so it is run many times.
    try (FSDirectory fs = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(fs, new IndexWriterConfig(ReviewAnalyzers.create()))) {
      for (int run = 0; run < 3_000; run++) {
        try (DocumentPipeline pipeline = new DocumentPipeline(writer, 2)) {
          pipeline.accept(review(run));
        }
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(fs)) {
        assertThat(reader.numDocs()).isEqualTo(3_000);
      }
    }
  }

  @Test
  void aWriterThreadDyingOfAnErrorStopsTheRunInsteadOfHangingIt() throws Exception {
    Analyzer broken =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            throw new AssertionError("analyzer broke");
          }
        };
    try (FSDirectory fs = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(fs, new IndexWriterConfig(broken))) {
      DocumentPipeline pipeline = new DocumentPipeline(writer, 2);
      // More reviews than the queue holds: with dead workers and no recorded failure, this loop
      // would wait for ever on a full queue.
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  pipeline.accept(review(i));
                }
              })
          .satisfies(DocumentPipelineTest::causedByTheBrokenAnalyzer);
      assertThatThrownBy(pipeline::close)
          .satisfies(DocumentPipelineTest::causedByTheBrokenAnalyzer);
    }
  }

  /**
   * The first failure recorded may be the Error itself, or the other worker's "this IndexWriter is
   * closed", which Lucene raises after the Error with the Error as its cause.
   */
  private static void causedByTheBrokenAnalyzer(Throwable thrown) {
    assertThat(
            java.util.stream.Stream.iterate(thrown, java.util.Objects::nonNull, Throwable::getCause)
                .map(Throwable::getMessage))
        .anySatisfy(message -> assertThat(message).contains("analyzer broke"));
  }
}
