package pullquote.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import pullquote.ingest.IngestProgress;

/** A progress bar on a terminal (through the progressbar library); silent otherwise. */
final class ProgressDisplay implements IngestProgress, AutoCloseable {

  private ProgressBar bar;

  private ProgressDisplay(ProgressBar bar) {
    this.bar = bar;
  }

  static ProgressDisplay forTerminal(boolean quiet) {
    if (quiet || !isTerminal()) {
      return new ProgressDisplay(null);
    }
    return new ProgressDisplay(
        new ProgressBarBuilder()
            .setTaskName("Indexing")
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" MiB", 1 << 20)
            .setUpdateIntervalMillis(200)
            .showSpeed()
            .build());
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
    if (bar != null) {
      bar.maxHint(total);
      bar.stepTo(Math.min(done, total));
      bar.setExtraMessage(reviews + " reviews");
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
