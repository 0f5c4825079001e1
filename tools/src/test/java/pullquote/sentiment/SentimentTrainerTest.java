package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a small separable corpus the test writes itself: deterministic, and it learns. */
class SentimentTrainerTest {

  private static final List<String> GOOD =
      List.of("superb", "moving", "luminous", "witty", "gripping", "tender");
  private static final List<String> BAD =
      List.of("dreary", "tedious", "clumsy", "shrill", "lifeless", "inert");
  private static final List<String> MIXED = List.of("uneven", "patchy", "middling", "so-so");
  private static final List<String> FILLER =
      List.of("the", "film", "cast", "story", "its", "director", "scenes", "and", "a", "with");

  @TempDir static Path dir;
  static Path csv;

  @BeforeAll
  static void writeToyCorpus() throws Exception {
    Random random = new Random(7);
    StringBuilder rows =
        new StringBuilder("review_id,source,work_id,work_title,label,original_score,text\n");
    for (int i = 0; i < 1500; i++) {
      int kind = i % 3;
      List<String> words = kind == 0 ? GOOD : kind == 1 ? BAD : MIXED;
      String score = kind == 0 ? "4/5" : kind == 1 ? "1/5" : "2.5/5";
      String label = kind == 1 ? "negative" : "positive";
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 8; w++) {
        text.append(FILLER.get(random.nextInt(FILLER.size()))).append(' ');
        if (w % 3 == 0) {
          text.append(words.get(random.nextInt(words.size()))).append(' ');
        }
      }
      rows.append("t:")
          .append(i)
          .append(",toy/")
          .append(i % 2)
          .append(",w")
          .append(i % 300)
          .append(",Work ")
          .append(i % 300)
          .append(',')
          .append(label)
          .append(',')
          .append(score)
          .append(',')
          .append(text.toString().strip())
          .append(" #")
          .append(i)
          .append('\n');
    }
    csv = Files.writeString(dir.resolve("toy.csv"), rows);
  }

  private static byte[] trainedBytes() throws Exception {
    var result = SentimentTrainer.train(TrainingCorpus.read(csv), "toy", LocalDate.of(2026, 1, 1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    result.model().writeTo(bytes);
    return bytes.toByteArray();
  }

  @Test
  void trainingTwiceGivesTheSameModelBytes() throws Exception {
    assertThat(trainedBytes()).isEqualTo(trainedBytes());
  }

  @Test
  void theToyModelBeatsChanceByAWideMargin() throws Exception {
    var corpus = TrainingCorpus.read(csv);
    var result = SentimentTrainer.train(corpus, "toy", LocalDate.of(2026, 1, 1));
    var test = SentimentTrainer.part(corpus, TrainingCorpus.Split.TEST);
    assertThat(test).isNotEmpty();
    assertThat(SentimentEvaluation.binaryAccuracy(result.model(), test)).isGreaterThan(0.9);
    assertThat(SentimentEvaluation.threeClass(result.model(), test).macroF1()).isGreaterThan(0.6);
    assertThat(result.report()).contains("binary accuracy (test)").contains("confusion");
  }

  @Test
  void aTeachersLabelsMakeHalfOfEachPolarityTargetAndTheMetadataSaysWhose() throws Exception {
    var corpus = TrainingCorpus.read(csv);
    var test = SentimentTrainer.part(corpus, TrainingCorpus.Split.TEST);
    // A teacher that says the opposite of every gold label: half its label, half the gold one,
    // is 0.5 for every excerpt, so the polarity head has nothing left to learn.
    var contrary =
        new SentimentTrainer.Teacher(
            "contrary",
            texts ->
                texts.stream()
                    .mapToDouble(t -> BAD.stream().anyMatch(t::contains) ? 1.0 : 0.0)
                    .toArray());

    var result = SentimentTrainer.train(corpus, "toy", LocalDate.of(2026, 1, 1), contrary);

    assertThat(result.model().metadata()).contains("\"distilled_from\" : \"contrary: half");
    // no better than always saying positive, where the gold labels alone give over 0.9
    double positiveShare =
        test.stream().filter(e -> e.polarity() == Sentiment.POSITIVE).count()
            / (double) test.stream().filter(e -> e.polarity() != null).count();
    assertThat(SentimentEvaluation.binaryAccuracy(result.model(), test))
        .isLessThanOrEqualTo(positiveShare + 0.01);
  }

  @Test
  void aWrittenModelReadsBackWithItsMetadataAndAnswers() throws Exception {
    byte[] bytes = trainedBytes();
    LinearSentimentModel model = LinearSentimentModel.read(new ByteArrayInputStream(bytes));
    assertThat(model.metadata())
        .contains("\"trained_on\" : \"2026-01-01\"")
        .contains("\"test_binary_accuracy\"");
    var glowing = model.classify("the film is superb and moving, a witty tender story");
    assertThat(glowing.sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(glowing.evidence()).isNotEmpty().allMatch(e -> !e.isBlank());
    assertThat(model.classify("dreary tedious and lifeless").sentiment())
        .isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void aCorruptModelFileIsAClearErrorNotACrash() throws Exception {
    byte[] bytes = trainedBytes();
    java.io.ByteArrayOutputStream corrupt = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(corrupt);
        var data = new java.io.DataOutputStream(gz)) {
      data.writeInt(0x50515331);
      data.writeInt(-5);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LinearSentimentModel.read(new ByteArrayInputStream(corrupt.toByteArray())))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("corrupt");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                LinearSentimentModel.read(
                    new ByteArrayInputStream(java.util.Arrays.copyOf(bytes, bytes.length / 2))))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void splitIsByWorkSoAWorkNeverSpansTwoSplits() throws Exception {
    var corpus = TrainingCorpus.read(csv);
    var byWork = new java.util.HashMap<String, java.util.Set<TrainingCorpus.Split>>();
    corpus.forEach(
        e -> byWork.computeIfAbsent(e.group(), k -> new java.util.HashSet<>()).add(e.split()));
    assertThat(byWork.values()).allMatch(s -> s.size() == 1);
    assertThat(corpus.stream().map(TrainingCorpus.Excerpt::split).distinct()).hasSize(3);
  }

  @Test
  void repeatedTextsAreKeptOnce() throws Exception {
    Path twice =
        Files.writeString(
            dir.resolve("twice.csv"),
            "work_id,label,text\nw1,positive,Grand fun.\nw2,positive,Grand   FUN.\nw3,negative,Dull.\n");
    assertThat(TrainingCorpus.read(twice)).hasSize(2);
  }
}
