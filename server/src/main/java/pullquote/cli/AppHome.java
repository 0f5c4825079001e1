package pullquote.cli;

import java.nio.file.Path;

/**
 * Where pullquote's own files live (web/, sample-data/, the default index/): the launcher passes
 * its directory as {@code -Dpullquote.home}; without it, the working directory.
 */
final class AppHome {

  private AppHome() {}

  static Path dir() {
    return Path.of(System.getProperty("pullquote.home", ".")).toAbsolutePath().normalize();
  }

  static Path defaultIndex() {
    return dir().resolve("index");
  }

  static Path web() {
    return dir().resolve("web");
  }

  static Path sampleData() {
    return dir().resolve("sample-data");
  }
}
