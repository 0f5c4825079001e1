package pullquote.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code pullquote} as a separate JVM, as an operator's shell would, so a test can kill it
 * for real or limit what the operating system lets it write.
 */
public final class PullquoteProcess {

  private PullquoteProcess() {}

  /**
   * @param shellPrefix run through {@code sh -c} after this (such as {@code ulimit -f 64;}), or
   *     null to start the JVM directly
   */
  public static Process start(Path log, String shellPrefix, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx512m");
    command.add("-cp");
    // Surefire's class path (its manifest-only jar names every directory and dependency).
    command.add(System.getProperty("java.class.path"));
    command.add("pullquote.cli.Main");
    command.addAll(List.of(args));
    ProcessBuilder builder;
    if (shellPrefix == null) {
      builder = new ProcessBuilder(command);
    } else {
      StringBuilder line = new StringBuilder(shellPrefix).append(" exec");
      for (String part : command) {
        line.append(" '").append(part.replace("'", "'\\''")).append('\'');
      }
      builder = new ProcessBuilder("sh", "-c", line.toString());
    }
    return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
