package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import pullquote.testing.HeadlessChromium;
import pullquote.testing.PageUnderTest;
import pullquote.testing.TestIndexes;

/**
 * The page in its states (results, filters and charts, no results, an error, a phone, the dark
 * scheme) checked by axe-core, the accessibility engine, run inside the page: no violation of any
 * impact. axe-core is the npm package as published, which {@code ./pullquote test} fetches.
 */
class AccessibilityBrowserTest {

  static final Path AXE =
      Path.of(System.getProperty("pullquote.axe", ".cache/npm/axe-core-4.11.0/axe.min.js"));

  @org.junit.jupiter.api.io.TempDir static Path dir;
  static PageUnderTest page;
  static HeadlessChromium chrome;
  static ChromeDriver browser;
  static WebDriverWait wait;
  static String axe;

  @BeforeAll
  static void start() throws Exception {
    assertThat(AXE)
        .as("axe-core is missing: run the tests with ./pullquote test, which fetches it with npm")
        .isRegularFile();
    axe = Files.readString(AXE);
    page =
        PageUnderTest.start(
            dir, TestIndexes.SEED, TestIndexes.EXTRA, SearchPageBrowserTest.UNLABELLED);
    chrome = page.chrome();
    browser = page.browser();
    wait = chrome.waiting();
  }

  @AfterAll
  static void stop() throws Exception {
    if (page != null) {
      page.close();
    }
  }

  @BeforeEach
  void reset() {
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @ParameterizedTest(name = "{0} at {1} px, {2}")
  @CsvSource({
    "/, 1280, light",
    "/?q=harbour&sentiment=mixed&min_score=40&from=2000-01-01, 1280, light",
    "/?q=cliche&critic=Dennis+Lim, 1280, dark",
    "/?q=zzzzqqqq, 1280, light",
    "/?q=cliche&to=someday, 1280, light",
    "/?q=harbour, 390, light",
    "/?q=harbour, 390, dark",
    "/?q=hornodg, 1280, light",
    "/?critic=Noor+Haddad, 1280, light",
    "/?view=critic&name=Noor+Haddad, 1280, light",
    "/?view=work&name=Quiet+Harbour, 1280, dark",
    "/?view=work&name=Quiet+Harbour, 390, light",
  })
  void thePageHasNoAccessibilityViolations(String path, int width, String scheme) {
    browser.manage().window().setSize(new Dimension(width, 900));
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    page.open(path);
    browser.executeScript(axe);
    Object result =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => v.impact + ' ' + v.id + ': '"
                + " + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    assertThat((List<?>) result).as("axe-core's violations on " + path).isEmpty();
  }
}
