package pullquote.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import pullquote.ingest.IngestProgress;

/**
 * A progress bar on a terminal (through the progressbar library); silent otherwise. The bar appears
 * with the first update, so what a build prints before its input is read (a Solr rebuild's steps)
 * is not drawn over; {@link #endBar} ends it for a line to be printed after it.
 */
final class ProgressDisplay implements IngestProgress, AutoCloseable {

  private final boolean shown;
  private ProgressBar bar;
  private boolean closed;

  private ProgressDisplay(boolean shown) {
    this.shown = shown;
  }

  static ProgressDisplay forTerminal(boolean quiet) {
    return new ProgressDisplay(!quiet && isTerminal());
  }

  private static ProgressBar newBar() {
    return new ProgressBarBuilder()
        .setTaskName("Indexing")
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" MiB", 1 << 20)
        .setUpdateIntervalMillis(200)
        .showSpeed()
        .build();
  }

  /**
   * Since JDK 22 {@code System.console()} exists even when output is redirected; {@code
   * Console.isTerminal()} tells, and is looked up by name because pullquote compiles for JDK 21.
   */
  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  @Override
  public void update(long done, long total, long reviews) {
    if (shown && !closed && bar == null) {
      bar = newBar();
    }
    if (bar != null) {
      bar.maxHint(total);
      bar.stepTo(Math.min(done, total));
      bar.setExtraMessage(reviews + " reviews");
    }
  }

  /** Finishes the bar drawn so far, if any, so the next line printed starts below it. */
  void endBar() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  @Override
  public void close() {
    closed = true;
    endBar();
  }
}
