package pullquote.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pullquote} command: index, serve and search subcommands. */
@Command(
    name = "pullquote",
    mixinStandardHelpOptions = true,
    version = "pullquote 0.1.0",
    description = "Full-text search for critic reviews.",
    subcommands = {
      IndexCommand.class,
      ServeCommand.class,
      SearchCommand.class,
      TrainSentimentCommand.class,
      ClassifyCommand.class,
      BenchCommand.class
    })
public final class Main implements Runnable {

  /**
   * Lucene warns at every start that the vector incubator module is off; pullquote does no vector
   * search, so the warning only hides the output an operator is looking for. Held here because JUL
   * keeps loggers weakly and would forget the level.
   */
  private static final java.util.logging.Logger VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code: 0 success, 2 bad usage, 1 failure. */
  public static int run(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command: index, serve or search");
  }
}
