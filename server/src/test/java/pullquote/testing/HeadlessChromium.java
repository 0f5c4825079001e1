package pullquote.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) driving the search page, and
 * what the page tests read off it. Outside CI a machine without the browser skips the test; on CI
 * its absence fails it.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("server", "target", "screenshots");

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  private HeadlessChromium(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(StaleElementReferenceException.class);
  }

  /**
   * @param profile a directory of the test's own for the browser's profile
   */
  public static HeadlessChromium start(Path profile) throws IOException {
    boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    if (!present && System.getenv("CI") == null) {
      Assumptions.abort(
          "browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
    }
    assertThat(present).as("CI must install chromium and chromium-driver (see .ci/run)").isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(Path.of("server", "target", "chromedriver.log").toFile())
            .build();
    // Every wait on the browser is bounded, so a browser that stops answering fails the test.
    ChromeDriver driver =
        new ChromeDriver(
            service, options, ClientConfig.defaultConfig().readTimeout(Duration.ofSeconds(60)));
    driver
        .manage()
        .timeouts()
        .pageLoadTimeout(Duration.ofSeconds(30))
        .scriptTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
    return new HeadlessChromium(driver);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /** Opens the page and waits until it has answered (results, or a notice). */
  public void open(String url) {
    driver.get(url);
    waitForResults();
  }

  public void waitForResults() {
    wait.until(
        d ->
            d.findElement(By.id("results")).getAttribute("aria-busy") == null
                    && !d.findElement(By.id("status")).getText().isEmpty()
                || !d.findElement(By.id("notice")).getText().isEmpty());
  }

  public List<WebElement> cards() {
    return driver.findElements(By.cssSelector("#results .card"));
  }

  public List<String> critics() {
    return cards().stream().map(c -> c.findElement(By.cssSelector(".critic")).getText()).toList();
  }

  public void waitForCards(int n) {
    wait.until(
        d ->
            cards().size() == n
                && d.findElement(By.id("results")).getAttribute("aria-busy") == null);
  }

  /** The count the sentiment facet shows beside a class. */
  public String count(String sentiment) {
    return driver.findElement(By.cssSelector("[data-count=" + sentiment + "]")).getText();
  }

  public String textOf(String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  public String status() {
    return driver.findElement(By.id("status")).getText();
  }

  /** Saves what the page shows as {@code target/screenshots/NAME.png}, to look at. */
  public void screenshot(String name) throws IOException {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
