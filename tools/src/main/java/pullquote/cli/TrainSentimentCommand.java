package pullquote.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import pullquote.sentiment.SentimentEvaluation;
import pullquote.sentiment.SentimentTrainer;
import pullquote.sentiment.SplitExport;
import pullquote.sentiment.TrainingCorpus;
import pullquote.sentiment.TransformerModel;
import pullquote.sentiment.TransformerTeacher;

/** {@code pullquote train-sentiment}: trains the text model, or evaluates one on the test split. */
@Command(
    name = "train-sentiment",
    mixinStandardHelpOptions = true,
    description = {
      "Train the sentiment text model from a critic-reviews CSV (deterministic: same data, same bytes),",
      "or with --evaluate print accuracy, macro-F1, per-class precision/recall and the confusion",
      "matrix of a model on the data's held-out test split (split by work)."
    })
final class TrainSentimentCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      paramLabel = "FILE",
      required = true,
      description = "Training CSV (text, label, original_score, work_id columns).")
  Path data;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Where to write the model (e.g. src/main/resources/pullquote/sentiment/model.bin.gz).")
  Path out;

  @Option(
      names = "--evaluate",
      description = "Evaluate a model on the test split instead of (or after) training.")
  boolean evaluate;

  @Option(
      names = "--export-splits",
      paramLabel = "DIR",
      description =
          "Write the data's train, dev and test splits as JSON Lines into DIR (text, labels,"
              + " collection, the linear model's log-odds), for the transformer's training"
              + " script (training/transformer/).")
  Path exportSplits;

  @Option(
      names = "--distill",
      description =
          "Train the linear model half on the gold labels, half on the transformer's P(positive)"
              + " (the bundled one, or --transformer DIR).")
  boolean distill;

  /** With --evaluate and no --out: the model to evaluate. */
  @Mixin ModelOption model = new ModelOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description =
          "The training date written into the model (default: the data file's modification date, so the same data gives the same bytes).")
  LocalDate date;

  @Override
  public Integer call() throws Exception {
    if (out == null && !evaluate && exportSplits == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give --out FILE to train, --evaluate, or --export-splits DIR");
    }
    List<TrainingCorpus.Excerpt> corpus;
    try {
      corpus = TrainingCorpus.read(data);
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      System.err.println("pullquote train-sentiment: cannot read " + data + ": " + e.getMessage());
      return 1;
    }
    for (TrainingCorpus.Split split : TrainingCorpus.Split.values()) {
      if (corpus.stream().noneMatch(e -> e.split() == split)) {
        System.err.println(
            "pullquote train-sentiment: "
                + data
                + " gives no labelled excerpts for the "
                + split.name().toLowerCase(java.util.Locale.ROOT)
                + " split; it needs a text column, labels or scores, and enough works");
        return 1;
      }
    }
    if (exportSplits != null) {
      SplitExport.write(corpus, model.load(), exportSplits);
      System.out.println("wrote the train, dev and test splits into " + exportSplits);
      if (out == null && !evaluate) {
        return 0;
      }
    }
    return out != null ? train(corpus) : evaluate(corpus);
  }

  private int train(List<TrainingCorpus.Excerpt> corpus) throws java.io.IOException {
    long start = System.nanoTime();
    LocalDate trainedOn =
        date != null
            ? date
            : LocalDate.ofInstant(Files.getLastModifiedTime(data).toInstant(), ZoneOffset.UTC);
    var result =
        SentimentTrainer.train(
            corpus,
            data.getFileName() + " (" + corpus.size() + " distinct labelled excerpts)",
            trainedOn,
            distill ? teacher() : null);
    Path target = out.toAbsolutePath();
    Files.createDirectories(target.getParent());
    // Written beside the target and moved over it, so an interrupted run never leaves half a model.
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try (OutputStream stream = Files.newOutputStream(temp)) {
      result.model().writeTo(stream);
    }
    Files.move(
        temp,
        target,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    System.out.print(result.report());
    System.out.printf(
        "model: %s (%d bytes, %d features), trained in %.1f s%n",
        out, Files.size(target), result.model().featureCount(), (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private SentimentTrainer.Teacher teacher() {
    // float32, the training pipeline's own log-odds: the teacher is measured, not served
    TransformerModel transformer =
        model.transformerLoader(TransformerModel.Precision.FLOAT32).get();
    TransformerTeacher teacher =
        new TransformerTeacher(transformer, Runtime.getRuntime().availableProcessors());
    return new SentimentTrainer.Teacher(
        "the transformer (" + model.transformerName() + ")", teacher::positive);
  }

  private int evaluate(List<TrainingCorpus.Excerpt> corpus) throws java.io.IOException {
    var text = model.loadTier();
    System.out.println("model: " + text.source().key());
    System.out.print(SentimentEvaluation.evaluate(text, model.load(), corpus));
    return 0;
  }
}
