package pullquote.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The tools' commands, in a jar of their own beside the server's: the benchmarks and the sentiment
 * model's training. The launcher runs this for {@code ./pullquote bench} and {@code ./pullquote
 * train-sentiment}, so users type the same commands as before.
 */
@Command(
    name = "pullquote",
    mixinStandardHelpOptions = true,
    version = "pullquote 0.1.0",
    description = "pullquote's benchmarks and training.")
public final class ToolsMain implements Runnable {

  private static final List<Class<?>> COMMANDS =
      List.of(BenchCommand.class, TrainSentimentCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    Main.quietenLucene();
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code: 0 success, 2 bad usage, 1 failure. */
  public static int run(String... args) {
    return Main.run(new ToolsMain(), COMMANDS, args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command: bench or train-sentiment");
  }
}
