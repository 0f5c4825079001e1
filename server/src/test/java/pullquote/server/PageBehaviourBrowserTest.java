package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import pullquote.testing.HeadlessChromium;
import pullquote.testing.PageUnderTest;
import pullquote.testing.TestIndexes;

/**
 * How the page behaves while a reader works it: a slow answer shows it is coming, a quote being
 * typed does not flash "No reviews match", a typed query is one history entry, and on a phone the
 * filters fold away behind one button.
 */
class PageBehaviourBrowserTest {

  @org.junit.jupiter.api.io.TempDir static Path dir;
  static PageUnderTest page;
  static HeadlessChromium chrome;
  static ChromeDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    page = PageUnderTest.start(dir, TestIndexes.SEED, TestIndexes.EXTRA);
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
  void normalWindow() {
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @AfterEach
  void fastLink() {
    browser.executeCdpCommand("Network.disable", Map.of());
  }

  private void open(String pathAndQuery) {
    page.open(pathAndQuery);
  }

  @Test
  void aSlowAnswerDimsTheOldResultsAndShowsASpinnerUntilItComes() {
    open("/?q=cliche");
    chrome.waitForCards(3);
    browser.executeCdpCommand("Network.enable", Map.of());
    browser.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", false, "latency", 800, "downloadThroughput", -1, "uploadThroughput", -1));
    browser.findElement(By.id("q")).sendKeys(" slog");
    wait.until(d -> d.findElement(By.id("main")).getAttribute("class").contains("loading"));
    assertThat(browser.findElement(By.cssSelector(".spinner")).isDisplayed()).isTrue();
    assertThat(chrome.cards()).hasSize(3); // the old results stay, dimmed, while the new come
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.findElement(By.id("main")).getAttribute("class").contains("loading"));
    assertThat(browser.findElement(By.cssSelector(".spinner")).isDisplayed()).isFalse();
  }

  @Test
  void aQuoteBeingTypedKeepsTheResultsInsteadOfSayingNoneMatch() throws Exception {
    open("/?q=cliche");
    chrome.waitForCards(3);
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys(" \"zqxv");
    // Long enough for the typing delay and the answer (which finds nothing) to have come.
    Thread.sleep(800);
    chrome.waitForResults();
    assertThat(chrome.textOf("#notice")).doesNotContain("No reviews match");
    assertThat(chrome.cards()).hasSize(3);
    box.sendKeys("\"");
    wait.until(d -> chrome.textOf("#notice").contains("No reviews match"));
    assertThat(chrome.cards()).isEmpty();
  }

  @Test
  void aTypedQueryIsOneHistoryEntryAndBackReturnsToTheSearchBefore() throws Exception {
    open("/?q=cliche");
    chrome.waitForCards(3);
    long before = (Long) browser.executeScript("return history.length");
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys(Keyboard.selectAll(), "harbour");
    wait.until(d -> d.getCurrentUrl().contains("q=harbour"));
    chrome.waitForResults();
    assertThat((Long) browser.executeScript("return history.length")).isEqualTo(before + 1);
    browser.navigate().back();
    wait.until(d -> d.getCurrentUrl().contains("q=cliche"));
    chrome.waitForCards(3);
    assertThat(box.getAttribute("value")).isEqualTo("cliche");
  }

  @Test
  void onAPhoneTheFiltersFoldAwayBehindAButtonThatCountsThem() {
    browser.manage().window().setSize(new Dimension(390, 844));
    open("/?q=harbour&sentiment=mixed&min_score=10");
    WebElement toggle = browser.findElement(By.id("filters-toggle"));
    assertThat(toggle.getText()).isEqualTo("Filters (2)");
    assertThat(browser.findElement(By.id("filters")).isDisplayed()).isFalse();
    WebElement first = chrome.cards().getFirst();
    assertThat(first.getRect().getY()).isLessThan(300);
    toggle.click();
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(browser.findElement(By.id("score-chart")).isDisplayed()).isTrue();
    // full width: the critic box spans the panel
    assertThat(browser.findElement(By.id("critic-input")).getRect().getWidth()).isGreaterThan(300);
  }

  /** Keys that select the whole box, whatever the platform. */
  private static final class Keyboard {
    static CharSequence selectAll() {
      return org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a");
    }
  }
}
