package pullquote.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import pullquote.sentiment.LinearSentimentModel;
import pullquote.sentiment.SentimentEvaluation;
import pullquote.sentiment.SentimentTrainer;
import pullquote.sentiment.TrainingCorpus;

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
      names = "--model",
      paramLabel = "FILE",
      description =
          "With --evaluate and no --out: the model to evaluate (default: the bundled one).")
  Path model;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (out == null && !evaluate) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give --out FILE to train, or --evaluate");
    }
    if (!Files.isReadable(data)) {
      System.err.println("pullquote train-sentiment: cannot read " + data);
      return 1;
    }
    var corpus = TrainingCorpus.read(data);
    if (out != null) {
      long start = System.nanoTime();
      var result =
          SentimentTrainer.train(
              corpus,
              data.getFileName() + " (" + corpus.size() + " distinct labelled excerpts)",
              LocalDate.now(ZoneOffset.UTC));
      Path parent = out.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      try (OutputStream stream = Files.newOutputStream(out)) {
        result.model().writeTo(stream);
      }
      System.out.print(result.report());
      System.out.printf(
          "model: %s (%d bytes, %d features), trained in %.1f s%n",
          out, Files.size(out), result.model().featureCount(), (System.nanoTime() - start) / 1e9);
      return 0;
    }
    LinearSentimentModel evaluated;
    if (model == null) {
      evaluated = LinearSentimentModel.bundled();
    } else {
      try (var in = Files.newInputStream(model)) {
        evaluated = LinearSentimentModel.read(in);
      }
    }
    System.out.print(SentimentEvaluation.evaluate(evaluated, corpus));
    return 0;
  }
}
