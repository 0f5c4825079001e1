package pullquote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.sentiment.AccurateSentimentModel;
import pullquote.sentiment.LinearSentimentModel;
import pullquote.sentiment.Sentiment;
import pullquote.sentiment.SentimentSource;
import pullquote.sentiment.TextSentimentModel;
import pullquote.sentiment.TransformerModel;

/**
 * Text-only reviews are decided by a costly model on threads of its own, in batches, while the rest
 * flow past (a cheap one decides them in line): either way the reviews come out in reading order,
 * each text decided as it would be alone, and a model that cannot load ends the run with its one
 * sentence.
 */
class TextSentimentQueueTest {

  @TempDir Path dir;

  private static final String[] TEXTS = {
    "A handsome and gripping period piece.",
    "Dull, overlong and badly acted.",
    "It has its moments, but the second half drags.",
    "An unpretentious delight.",
    "The worst sequel yet."
  };

  /** Rows r-0 … r-(n-1); every third carries a score, the rest only their words. */
  private Path export(int rows) throws Exception {
    StringBuilder csv = new StringBuilder("review_id,work,text,score\n");
    for (int i = 0; i < rows; i++) {
      csv.append("r-")
          .append(i)
          .append(",Work ")
          .append(i % 7)
          .append(",\"")
          .append(TEXTS[i % TEXTS.length])
          .append(" (")
          .append(i)
          .append(")\",")
          .append(i % 3 == 0 ? "8/10" : "")
          .append('\n');
    }
    return Files.writeString(dir.resolve("export.csv"), csv);
  }

  private static List<Review> ingest(TextSentimentModel model, Path file) {
    List<Review> out = new ArrayList<>();
    new Ingestor(new SentimentResolver(model), Json.newMapper(), IngestOptions.DEFAULT)
        .ingest(List.of(file), out::add, IngestProgress.NONE);
    return out;
  }

  @Test
  void aCheapModelsReviewsComeOutInReadingOrderEachDecidedAsItWouldBeAlone() throws Exception {
    int rows = 1000; // a cheap model decides in line: no window, no batches
    LinearSentimentModel model = LinearSentimentModel.bundled();

    List<Review> reviews = ingest(model, export(rows));

    assertThat(reviews).hasSize(rows);
    for (int i = 0; i < rows; i++) {
      Review review = reviews.get(i);
      assertThat(review.id()).isEqualTo("r-" + i);
      if (i % 3 == 0) {
        assertThat(review.sentimentSource()).isEqualTo(SentimentSource.SCORE);
      } else {
        var alone = model.classify(review.text());
        assertThat(review.sentimentSource()).isEqualTo(SentimentSource.MODEL);
        assertThat(review.sentiment()).isEqualTo(alone.sentiment());
        assertThat(review.sentimentConfidence()).isEqualTo(alone.confidence());
        assertThat(review.sentimentEvidence()).isEqualTo(alone.evidence());
      }
    }
  }

  @Test
  void aCostlyModelsReviewsComeOutInTheOrderAddedEachDecidedAsItWouldBeAlone() {
    var accurate =
        new AccurateSentimentModel(LinearSentimentModel.bundled(), TransformerModel::bundled);
    int window = 40;
    int count = 2 * window + 37; // past the window twice, ending inside a batch
    List<Review> out = new ArrayList<>();
    ExecutorService threads = TextSentimentQueue.threads(2);
    try {
      var queue =
          new TextSentimentQueue(new SentimentResolver(accurate), threads, 2, out::add, window);
      for (int i = 0; i < count; i++) {
        String text = TEXTS[i % TEXTS.length] + " (" + i + ")";
        if (i % 3 == 0) {
          queue.add(review(i, text, Sentiment.POSITIVE, SentimentSource.SCORE, null, List.of()));
        } else {
          int n = i;
          queue.add(
              text, d -> review(n, text, d.sentiment(), d.source(), d.confidence(), d.evidence()));
        }
      }
      queue.finish();
    } finally {
      threads.shutdownNow();
    }

    assertThat(out).hasSize(count);
    for (int i = 0; i < count; i++) {
      Review review = out.get(i);
      assertThat(review.id()).isEqualTo("r-" + i);
      if (i % 3 != 0) {
        var alone = accurate.classify(review.text());
        assertThat(review.sentimentSource()).isEqualTo(SentimentSource.TRANSFORMER);
        assertThat(review.sentiment()).as(review.text()).isEqualTo(alone.sentiment());
        assertThat(review.sentimentConfidence()).isCloseTo(alone.confidence(), within(1e-4));
        assertThat(review.sentimentEvidence()).isEqualTo(alone.evidence());
      }
    }
  }

  /**
   * The sending rule: a text goes to the model's threads at once while fewer batches are out than
   * there are threads (so a build with a few text-only reviews has them decided while reading goes
   * on), else it waits in a batch until that holds 64 or a thread is free again.
   */
  @Test
  void aTextIsSentAtOnceWhileAThreadIsFreeElseInAFullBatch() {
    List<Integer> batches = new ArrayList<>();
    TextSentimentModel linear = LinearSentimentModel.bundled();
    TextSentimentModel costly =
        new TextSentimentModel() { // the linear model, run as the queue runs a costly one
          @Override
          public Prediction classify(String text) {
            return linear.classify(text);
          }

          @Override
          public List<Prediction> classifyAll(List<String> texts) {
            batches.add(texts.size());
            return linear.classifyAll(texts);
          }

          @Override
          public boolean costly() {
            return true;
          }
        };
    ArrayDeque<Runnable> held = new ArrayDeque<>(); // the model's two threads, run when told
    Executor threads = held::add;
    List<Review> out = new ArrayList<>();
    var queue = new TextSentimentQueue(new SentimentResolver(costly), threads, 2, out::add, 4096);
    int[] added = {0};
    Runnable addText =
        () -> {
          int n = added[0]++;
          String text = TEXTS[n % TEXTS.length] + " (" + n + ")";
          queue.add(
              text, d -> review(n, text, d.sentiment(), d.source(), d.confidence(), d.evidence()));
        };

    addText.run();
    addText.run();
    assertThat(held).hasSize(2); // each sent alone: both threads were free

    for (int i = 0; i < TextSentimentQueue.BATCH + 1; i++) {
      addText.run();
    }
    assertThat(held).hasSize(3); // both threads busy: the next 64 went as one batch, one waits

    while (!held.isEmpty()) {
      held.poll().run();
    }
    assertThat(batches).containsExactly(1, 1, TextSentimentQueue.BATCH);

    addText.run(); // the threads are free again: the waiting text goes with this one
    assertThat(held).hasSize(1);
    assertThat(out).hasSize(2 + TextSentimentQueue.BATCH); // passed on, up to the undecided one
    held.poll().run();
    queue.finish();

    assertThat(batches).containsExactly(1, 1, TextSentimentQueue.BATCH, 2);
    assertThat(out).extracting(Review::id).containsExactly(ids(added[0]));
  }

  private static String[] ids(int count) {
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = "r-" + i;
    }
    return ids;
  }

  private static Review review(
      int i,
      String text,
      Sentiment sentiment,
      SentimentSource source,
      Double confidence,
      List<String> evidence) {
    return new Review(
        "r-" + i,
        "Work",
        null,
        null,
        null,
        null,
        null,
        sentiment,
        source,
        confidence,
        evidence,
        text,
        "queue",
        i + 1);
  }

  @Test
  void aBuildWhoseReviewsAllCarryAScoreNeverLoadsTheTransformer() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    var accurate =
        new AccurateSentimentModel(
            LinearSentimentModel.bundled(),
            () -> {
              loads.incrementAndGet();
              return TransformerModel.bundled();
            });
    Path scored =
        Files.writeString(
            dir.resolve("scored.csv"), "work,text,score\nW,Fine.,7/10\nW,Awful.,2/10\n");

    assertThat(ingest(accurate, scored)).hasSize(2);
    assertThat(loads).hasValue(0);
  }

  @Test
  void aTransformerThatCannotBeReadEndsTheRunWithItsOneSentence() throws Exception {
    Path broken = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(broken.resolve("manifest.json"), "{\"sha256\": 3");
    Files.writeString(broken.resolve("model.onnx"), "not a model");
    var accurate =
        new AccurateSentimentModel(
            LinearSentimentModel.bundled(), () -> TransformerModel.read(broken));
    Path file = export(10);

    assertThatThrownBy(() -> ingest(accurate, file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the transformer model in " + broken + " cannot be read:")
        .hasMessageNotContaining("\n");
  }
}
