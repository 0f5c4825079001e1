package pullquote.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import pullquote.sentiment.AccurateSentimentModel;
import pullquote.sentiment.LinearSentimentModel;
import pullquote.sentiment.TextSentimentModel;
import pullquote.sentiment.TransformerModel;

/**
 * The text model's options: {@code --sentiment-model fast|accurate} picks the tier, {@code --model
 * FILE} a retrained linear model and {@code --transformer DIR} a retrained transformer instead of
 * the bundled ones.
 */
final class ModelOption {

  /** The two tiers of the text model. */
  enum Tier {
    fast,
    accurate
  }

  @Option(
      names = "--sentiment-model",
      paramLabel = "fast|accurate",
      description =
          "For reviews with no score, label or page distribution: fast (the linear model alone)"
              + " or accurate (the linear model plus the transformer, the default).")
  Tier tier;

  @Option(
      names = "--transformer",
      paramLabel = "DIR",
      description =
          "Transformer model directory written by training/transformer/train.py (default: the"
              + " one bundled with pullquote).")
  Path transformer;

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
   * The text model of the chosen tier. The transformer is only read when a text first needs it; its
   * files are checked here, so a missing or damaged one is bad usage said in one sentence before
   * any work starts.
   */
  TextSentimentModel loadTier() {
    LinearSentimentModel linear = load();
    if (tier == Tier.fast) {
      return linear;
    }
    return new AccurateSentimentModel(linear, transformerLoader(TransformerModel.Precision.INT8));
  }

  /**
   * The chosen transformer, to be read when called; its directory is checked here, so one without a
   * model is bad usage said in one sentence.
   */
  java.util.function.Supplier<TransformerModel> transformerLoader(
      TransformerModel.Precision precision) {
    if (transformer == null) {
      return () -> TransformerModel.bundled(precision);
    }
    if (!Files.isRegularFile(transformer.resolve("model.onnx"))
        || !Files.isRegularFile(transformer.resolve("manifest.json"))) {
      throw new CommandLine.ParameterException(
          mixee.commandLine(),
          "no transformer model in "
              + transformer
              + " (model.onnx and manifest.json, as training/transformer/train.py --out writes"
              + " them)");
    }
    Path dir = transformer;
    return () -> TransformerModel.read(dir, precision);
  }

  /** What the chosen transformer is called in a trained model's metadata. */
  String transformerName() {
    return transformer == null ? "bundled with pullquote" : transformer.getFileName().toString();
  }

  /**
   * Loads the linear model; a file that is missing or is not a model is bad usage, said in one
   * sentence.
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
