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

  /** What to tell a user whose index directory holds no index yet. */
  String noIndexYet() {
    return "no index in "
        + dir()
        + "; build one with: pullquote index --index "
        + dir()
        + " PATH...";
  }

  boolean isDefault() {
    return index == null;
  }
}
