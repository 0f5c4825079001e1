package pullquote.ingest;

import java.nio.file.Path;
import java.util.Locale;

/** Derives a work's title from a file name when neither the data nor the operator names one. */
final class WorkTitles {

  private WorkTitles() {}

  /** "the_hurt-locker.txt" becomes "The Hurt Locker". */
  static String fromFileName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String title = fromSlug(stem);
    return title.isEmpty() ? name : title;
  }

  /** "the_hurt-locker" becomes "The Hurt Locker". */
  static String fromSlug(String stem) {
    StringBuilder title = new StringBuilder();
    for (String word : stem.split("[_\\-\\s]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!title.isEmpty()) {
        title.append(' ');
      }
      title.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
    }
    return title.toString();
  }
}
