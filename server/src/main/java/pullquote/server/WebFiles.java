package pullquote.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.nio.file.Path;

/** The browser page's files (web/), served from the site's root. */
final class WebFiles {

  private WebFiles() {}

  /** Serves the directory's files, if it exists; the API works without them. */
  static void serve(JavalinConfig config, Path webDir) {
    if (webDir != null && Files.isDirectory(webDir)) {
      config.staticFiles.add(
          files -> {
            files.hostedPath = "/";
            files.directory = webDir.toAbsolutePath().toString();
            files.location = Location.EXTERNAL;
          });
    }
  }
}
