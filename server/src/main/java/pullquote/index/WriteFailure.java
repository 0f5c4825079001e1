package pullquote.index;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * Why writing an index failed, in words an operator acts on. Lucene reports a full disk on one
 * writer thread and "this IndexWriter is closed" on the others, and Java's file errors often carry
 * only a path, so the reason is looked for through every cause and suppressed exception.
 */
public final class WriteFailure {

  private WriteFailure() {}

  /** A short reason such as "no space left on device", naming the file when it tells more. */
  public static String reason(Throwable failure) {
    Throwable telling = null;
    for (Throwable t : chain(failure)) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("No space left on device")) {
        return "no space left on device";
      }
      if (message.contains("File too large")) {
        return "file too large for this file system or the process's file size limit";
      }
      if (telling == null && !(t instanceof AlreadyClosedException) && isOwnReason(t)) {
        telling = t;
      }
    }
    return describe(telling == null ? failure : telling);
  }

  private static boolean isOwnReason(Throwable t) {
    // "Self-suppression not permitted" and the like wrap the failure that matters.
    return !(t instanceof IllegalArgumentException && t.getCause() != null);
  }

  private static String describe(Throwable t) {
    if (t instanceof FileSystemException fs) {
      String file = fs.getFile() == null ? "" : " (" + fs.getFile() + ")";
      String why =
          switch (fs) {
            case NoSuchFileException e -> "no such file or directory";
            case AccessDeniedException e -> "permission denied";
            case NotDirectoryException e -> "not a directory";
            case FileAlreadyExistsException e -> "a file or link is in the way";
            default -> fs.getReason() == null ? "could not be written" : fs.getReason();
          };
      return why.toLowerCase(Locale.ROOT) + file;
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }

  /** The failure, its causes and suppressed exceptions, breadth first, each once. */
  private static List<Throwable> chain(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
    List<Throwable> order = new ArrayList<>();
    while (!todo.isEmpty() && order.size() < 64) {
      Throwable t = todo.poll();
      if (seen.add(t)) {
        order.add(t);
        if (t.getCause() != null) {
          todo.add(t.getCause());
        }
        todo.addAll(List.of(t.getSuppressed()));
      }
    }
    return order;
  }
}
