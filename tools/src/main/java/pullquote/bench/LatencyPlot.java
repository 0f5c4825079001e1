package pullquote.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a query benchmark's latency percentiles per query class as a PNG: for each runner a bar to
 * the median and a whisker through p95 (tick) to p99 (cap), on a log scale.
 */
public final class LatencyPlot {

  private static final int WIDTH = 1400;
  private static final int HEIGHT = 700;
  private static final int LEFT = 80;
  private static final int RIGHT = 70;
  private static final int TOP = 70;
  private static final int BOTTOM = 110;
  private static final double MIN_MS = 0.05;
  private static final double[] TICKS_MS = {
    0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000
  };

  private record Runner(String field, String name, Color color) {}

  private static final List<Runner> RUNNERS =
      List.of(
          new Runner("raw_lucene", "raw Lucene, in-process", new Color(0x8a8a8a)),
          new Runner("in_process", "pullquote, in-process", new Color(0x2f6db5)),
          new Runner("http", "pullquote over HTTP (%d clients)", new Color(0xd9822b)));

  private LatencyPlot() {}

  /** Draws the plot of a result written by {@code bench query --json}. */
  public static void draw(JsonNode result, Path png) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString(
        String.format(
            "Search latency per query class: %,d reviews, %s cores (bar: p50, tick: p95, cap: p99)",
            result.path("reviews").asLong(), result.path("machine").path("cores").asText()),
        LEFT,
        35);
    JsonNode classes = result.path("classes");
    double maxMs = scaleTop(classes);
    axis(g, maxMs);
    int groups = classes.size();
    double groupWidth = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, groups);
    double barWidth = groupWidth / (RUNNERS.size() + 1);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    for (int i = 0; i < groups; i++) {
      JsonNode figures = classes.get(i);
      double x0 = LEFT + i * groupWidth + barWidth / 2;
      for (int r = 0; r < RUNNERS.size(); r++) {
        JsonNode summary = figures.path(RUNNERS.get(r).field());
        if (summary.isObject()) {
          bar(g, RUNNERS.get(r).color(), x0 + r * barWidth, barWidth * 0.8, summary, maxMs);
        }
      }
      g.setColor(Color.BLACK);
      // the class above "+page", so the labels of many classes stay apart
      g.drawString(figures.path("query_class").asText(), (int) (x0), HEIGHT - BOTTOM + 20);
      if (figures.path("page").asBoolean()) {
        g.drawString("+page", (int) (x0), HEIGHT - BOTTOM + 36);
      }
    }
    legend(g, result.path("options").path("clients").asInt());
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static void bar(
      Graphics2D g, Color color, double x, double width, JsonNode summary, double maxMs) {
    int base = y(MIN_MS, maxMs);
    int p50 = y(summary.path("p50_ms").asDouble(), maxMs);
    int p95 = y(summary.path("p95_ms").asDouble(), maxMs);
    int p99 = y(summary.path("p99_ms").asDouble(), maxMs);
    g.setColor(color);
    g.fillRect((int) x, p50, (int) width, base - p50);
    int middle = (int) (x + width / 2);
    g.setStroke(new BasicStroke(2));
    g.drawLine(middle, p50, middle, p99);
    g.drawLine((int) (x + width * 0.3), p95, (int) (x + width * 0.7), p95);
    g.drawLine((int) x, p99, (int) (x + width), p99);
    g.setStroke(new BasicStroke(1));
  }

  private static void axis(Graphics2D g, double maxMs) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (double ms : TICKS_MS) {
      if (ms > maxMs) {
        break;
      }
      int y = y(ms, maxMs);
      g.setColor(new Color(0xe4e4e4));
      g.drawLine(LEFT, y, WIDTH - RIGHT, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString((ms < 1 ? String.valueOf(ms) : String.valueOf((int) ms)) + " ms", 10, y + 4);
    }
    g.setColor(Color.BLACK);
    g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
    g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
  }

  /** The smallest tick of 200 ms or more above every p99 drawn. */
  private static double scaleTop(JsonNode classes) {
    double highest = 0;
    for (JsonNode figures : classes) {
      for (Runner runner : RUNNERS) {
        highest = Math.max(highest, figures.path(runner.field()).path("p99_ms").asDouble());
      }
    }
    for (double tick : TICKS_MS) {
      if (tick >= 200 && tick >= highest) {
        return tick;
      }
    }
    return TICKS_MS[TICKS_MS.length - 1];
  }

  private static void legend(Graphics2D g, int clients) {
    int x = LEFT;
    int y = HEIGHT - 40;
    for (Runner runner : RUNNERS) {
      g.setColor(runner.color());
      g.fillRect(x, y - 12, 16, 16);
      g.setColor(Color.BLACK);
      g.drawString(String.format(runner.name(), clients), x + 22, y + 2);
      x += 300;
    }
  }

  /** Log scale: MIN_MS at the axis, {@code maxMs} at the top. */
  private static int y(double ms, double maxMs) {
    double clamped = Math.max(MIN_MS, Math.min(maxMs, ms));
    double fraction = Math.log(clamped / MIN_MS) / Math.log(maxMs / MIN_MS);
    return (int) Math.round(HEIGHT - BOTTOM - fraction * (HEIGHT - BOTTOM - TOP));
  }
}
