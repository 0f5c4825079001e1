package pullquote.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a run reads: the files under the paths an operator named (directories recursively, in name
 * order, so ids and order are reproducible), and the name each file's reviews show as their source.
 * What cannot be read is reported, never silently left out.
 *
 * @param shownAs each file's name as a review's source shows it, by the file's path as read
 */
record InputFiles(List<Path> files, Map<String, String> shownAs) {

  /**
   * The files under the paths, each also with the name a review's {@code source} shows: relative to
   * what the operator named (the file's name, or the directory's and the path below it), never
   * where it lies on the indexing machine; the report keeps the path as given.
   */
  static InputFiles of(List<Path> paths, String sourceLabel, IngestReport report) {
    Map<String, String> shownAs = new HashMap<>();
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      String base = sourceLabel != null ? sourceLabel : ownName(path);
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(p -> !Files.isDirectory(p))
              .sorted()
              .filter(p -> readableFile(p, report))
              .forEach(
                  file -> {
                    files.add(file);
                    String below = path.relativize(file).toString().replace('\\', '/');
                    shownAs.put(file.toString(), base.isEmpty() ? below : base + "/" + below);
                  });
        } catch (IOException | RuntimeException e) {
          report.skipped(
              new IngestProblem(
                  path.toString(),
                  0,
                  SkipReason.UNREADABLE_FILE,
                  "cannot list the directory: " + e.getMessage()));
        }
      } else if (Files.isRegularFile(path) && Files.isReadable(path)) {
        files.add(path);
        shownAs.put(path.toString(), base);
      } else {
        report.skipped(
            new IngestProblem(
                path.toString(),
                0,
                SkipReason.UNREADABLE_FILE,
                Files.exists(path) ? "not a readable file" : "no such file or directory"));
      }
    }
    return new InputFiles(List.copyOf(files), Map.copyOf(shownAs));
  }

  /**
   * Whether a path found in a directory is a file to read; a pipe, a device or a dangling link is
   * reported (reading a pipe would wait for ever) and left.
   */
  private static boolean readableFile(Path path, IngestReport report) {
    if (Files.isRegularFile(path)) {
      return true;
    }
    report.skipped(
        new IngestProblem(
            path.toString(),
            0,
            SkipReason.UNREADABLE_FILE,
            Files.isSymbolicLink(path) && !Files.exists(path)
                ? "a link to nothing"
                : "not a regular file (a pipe, a socket or a device)"));
    return false;
  }

  /** A path's last name, as written or once resolved ("." is its directory's name; "/" none). */
  private static String ownName(Path path) {
    Path name = path.getFileName();
    if (name == null || name.toString().equals(".") || name.toString().equals("..")) {
      name = path.toAbsolutePath().normalize().getFileName();
    }
    return name == null ? "" : name.toString();
  }
}
