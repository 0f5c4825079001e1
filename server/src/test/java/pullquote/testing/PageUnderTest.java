package pullquote.testing;

import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import pullquote.index.LiveIndex;
import pullquote.ingest.Json;
import pullquote.server.ApiServer;

/**
 * The search page as a browser test meets it: the real server on a free port over a real index of
 * the given files, and a headless Chromium to drive it.
 */
public final class PageUnderTest implements AutoCloseable {

  private final HeadlessChromium chrome;
  private final LiveIndex live;
  private final ApiServer server;

  private PageUnderTest(HeadlessChromium chrome, LiveIndex live, ApiServer server) {
    this.chrome = chrome;
    this.live = live;
    this.server = server;
  }

  /** Indexes the files under {@code dir}, serves them with the page from {@code web/}. */
  public static PageUnderTest start(Path dir, Path... inputs) throws Exception {
    HeadlessChromium chrome = HeadlessChromium.start(dir.resolve("profile"));
    try {
      TestIndexes.build(dir.resolve("index"), inputs);
      LiveIndex live = TestIndexes.open(dir.resolve("index"));
      ApiServer server =
          new ApiServer(TestIndexes.service(live), Json.newMapper(), Path.of("web"))
              .start("127.0.0.1", 0);
      return new PageUnderTest(chrome, live, server);
    } catch (Exception | Error e) {
      chrome.close();
      throw e;
    }
  }

  public HeadlessChromium chrome() {
    return chrome;
  }

  public ChromeDriver browser() {
    return chrome.driver();
  }

  /** Opens the page at the path and query, and waits until it has answered. */
  public void open(String pathAndQuery) {
    chrome.open("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  @Override
  public void close() throws Exception {
    chrome.close();
    server.close();
    live.close();
  }
}
