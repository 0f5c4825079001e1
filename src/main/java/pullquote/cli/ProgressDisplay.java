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
    if (quiet || System.console() == null) {
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
