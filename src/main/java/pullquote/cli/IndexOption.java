package pullquote.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option every command shares. */
final class IndexOption {

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index directory (default: index/ in the pullquote directory).")
  Path index;

  Path dir() {
    return index != null ? index : AppHome.defaultIndex();
  }

  boolean isDefault() {
    return index == null;
  }
}
