package pullquote.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import pullquote.sentiment.LinearSentimentModel;

/** The {@code --model FILE} option: a retrained sentiment model instead of the bundled one. */
final class ModelOption {

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "Sentiment model written by train-sentiment (default: the one bundled with pullquote).")
  Path model;

  /** The command this option is mixed into, for its usage errors. */
  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec mixee;

  /**
   * Loads the model; a file that is missing or is not a model is bad usage, said in one sentence.
   */
  LinearSentimentModel load() {
    if (model == null) {
      return LinearSentimentModel.bundled();
    }
    try (InputStream in = Files.newInputStream(model)) {
      return LinearSentimentModel.read(in);
    } catch (IOException | RuntimeException e) {
      String reason =
          e instanceof java.nio.file.NoSuchFileException
              ? "no such file"
              : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      throw new CommandLine.ParameterException(
          mixee.commandLine(), "cannot read the sentiment model " + model + ": " + reason);
    }
  }
}
