package pullquote.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pullquote.server.ApiServer;

/**
 * The {@code pullquote} command: index, serve, search and the other commands of the server's jar.
 * The benchmarks and training are the tools' ({@code ToolsMain}, in tools/), which the launcher
 * runs for {@code bench} and {@code train-sentiment}.
 */
@Command(
    name = "pullquote",
    mixinStandardHelpOptions = true,
    version = "pullquote 0.1.0",
    description = "Full-text search for critic reviews.")
public final class Main implements Runnable {

  /**
   * Lucene warns at every start that the vector incubator module is off; pullquote does no vector
   * search, so the warning only hides the output an operator is looking for. Held here because JUL
   * keeps loggers weakly and would forget the level.
   */
  private static final java.util.logging.Logger VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  /**
   * The subcommands. Only the one named on the command line is handed to picocli, which reads the
   * annotations of every command it is given: all of them took 0.3 s of every start, a third of a
   * server's start-up on a built index.
   */
  private static final List<Class<?>> COMMANDS =
      List.of(
          IndexCommand.class,
          ServeCommand.class,
          SearchCommand.class,
          CriticCommand.class,
          WorkCommand.class,
          ClassifyCommand.class,
          SolrDevCommand.class,
          AotTrainingCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("serve")) {
      // Javalin's first set-up in a JVM is most of a server's (ApiServer.warmUp): begun before
      // picocli reads the command line (0.25 s), it runs beside it on the other core.
      Thread.ofPlatform()
          .daemon()
          .name("server-warm-up")
          .start(() -> ApiServer.warmUp(AppHome.web()));
    }
    quietenLucene();
    System.exit(run(args));
  }

  /**
   * Keeps Lucene's start-up warning about vectors (which pullquote does not use) off the output.
   */
  static void quietenLucene() {
    VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  /** Runs a command line and returns its exit code: 0 success, 2 bad usage, 1 failure. */
  public static int run(String... args) {
    return run(new Main(), COMMANDS, args);
  }

  /**
   * Runs a command line with these subcommands under this top command (the server's, or the
   * tools'); returns its exit code.
   */
  static int run(Object top, List<Class<?>> commands, String... args) {
    CommandLine line = new CommandLine(top);
    boolean named = args.length > 0 && commands.stream().anyMatch(c -> nameOf(c).equals(args[0]));
    for (Class<?> command : commands) {
      // Without a command name (help, a typo) every command is given, so picocli can list them.
      if (!named || nameOf(command).equals(args[0])) {
        line.addSubcommand(nameOf(command), command);
      }
    }
    // After the subcommands: picocli applies this setting to those it already has.
    return line.setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command: index, serve or search");
  }
}
