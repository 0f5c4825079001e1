package pullquote.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pullquote} command: index, serve and search subcommands. */
@Command(
    name = "pullquote",
    mixinStandardHelpOptions = true,
    version = "pullquote 0.1.0",
    description = "Full-text search for critic reviews.",
    subcommands = {IndexCommand.class, ServeCommand.class, SearchCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
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
