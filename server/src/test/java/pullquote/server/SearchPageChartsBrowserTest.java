package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import pullquote.testing.HeadlessChromium;
import pullquote.testing.PageUnderTest;
import pullquote.testing.TestIndexes;

/**
 * The pictures of the spread (sentiment bar, score and year charts, top names), the chips of every
 * filter and where focus goes, in a real headless Chromium against the real server. The index is
 * the seed page and two fixtures: scored reviews at 16 (1999), 50 (2022), 75 (2021) and 80 (no
 * date); ten reviews dated 2013, three more in 2021–2022.
 */
class SearchPageChartsBrowserTest {

  @org.junit.jupiter.api.io.TempDir static Path dir;
  static PageUnderTest page;
  static HeadlessChromium chrome;
  static ChromeDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
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
  void normalWindow() {
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  private void open(String pathAndQuery) {
    page.open(pathAndQuery);
  }

  private WebElement bin(String chart, int lo) {
    return browser.findElement(By.cssSelector("#" + chart + " .bin[data-lo='" + lo + "']"));
  }

  private void waitForUrl(String part) {
    wait.until(d -> d.getCurrentUrl().contains(part));
    chrome.waitForResults();
  }

  private List<String> chips() {
    return browser.findElements(By.cssSelector("#chips .chip span")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private String focused() {
    WebElement active = browser.switchTo().activeElement();
    String label = active.getAttribute("aria-label");
    return active.getAttribute("id") + "|" + (label == null ? active.getText() : label);
  }

  @Test
  void theScoreChartHasTenBarsAndAClickFiltersOnOneAndASecondMakesARange() {
    open("/");
    assertThat(browser.findElements(By.cssSelector("#score-chart .bin"))).hasSize(10);
    assertThat(bin("score-chart", 70).getAttribute("aria-label"))
        .isEqualTo("Score 70–79: 1 review");
    assertThat(bin("score-chart", 90).getAttribute("aria-label"))
        .isEqualTo("Score 90–100: 0 reviews");

    bin("score-chart", 70).click();
    waitForUrl("min_score=70&max_score=79");
    chrome.waitForCards(1);
    assertThat(chips()).containsExactly("Score: 70–79");
    assertThat(bin("score-chart", 70).getAttribute("aria-pressed")).isEqualTo("true");
    // the chart still counts the other scores: a range does not narrow its own chart
    assertThat(bin("score-chart", 50).getAttribute("aria-label")).endsWith(": 1 review");

    bin("score-chart", 50).click();
    waitForUrl("min_score=50&max_score=79");
    chrome.waitForCards(2);
    assertThat(chips()).containsExactly("Score: 50–79");

    browser.findElement(By.cssSelector("#chips .chip button")).click();
    wait.until(d -> !d.getCurrentUrl().contains("min_score"));
    assertThat(chips()).isEmpty();
    assertThat(focused()).startsWith("q|");
  }

  @Test
  void draggingAcrossTheScoreChartPicksTheRangeBetween() {
    open("/");
    new Actions(browser)
        .clickAndHold(bin("score-chart", 10))
        .moveToElement(bin("score-chart", 30))
        .moveToElement(bin("score-chart", 50))
        .release()
        .perform();
    waitForUrl("min_score=10&max_score=59");
    chrome.waitForCards(2);
    assertThat(chips()).containsExactly("Score: 10–59");
  }

  @Test
  void aYearBarFiltersOnThatYearAndTheOtherYearsStayOnTheChart() {
    open("/");
    // 1999 to 2022, one bar a year, empty years included
    assertThat(browser.findElements(By.cssSelector("#year-chart .bin"))).hasSize(24);
    bin("year-chart", 2013).click();
    waitForUrl("from=2013-01-01&to=2013-12-31");
    assertThat(chrome.status()).startsWith("10 reviews");
    assertThat(chips()).containsExactly("Date: 2013");
    assertThat(bin("year-chart", 1999).getAttribute("aria-label")).endsWith(": 1 review");
  }

  @Test
  void theTopNamesFilterOnAClick() {
    open("/");
    WebElement harbour =
        browser.findElement(By.cssSelector("#top-works button[data-name='Quiet Harbour']"));
    assertThat(harbour.getText()).contains("Quiet Harbour");
    harbour.click();
    waitForUrl("work=Quiet+Harbour");
    assertThat(chips()).containsExactly("Work: Quiet Harbour");
    assertThat(
            browser
                .findElement(By.cssSelector("#top-works button[data-name='Quiet Harbour']"))
                .getAttribute("aria-pressed"))
        .isEqualTo("true");
  }

  @Test
  void theSentimentBarShowsEachClassesShareOfTheHits() {
    open("/?q=harbour");
    List<WebElement> shares = browser.findElements(By.cssSelector("#spread .share"));
    assertThat(shares)
        .extracting(s -> s.getAttribute("class"))
        .containsExactly("share mixed", "share negative");
    assertThat(shares)
        .extracting(s -> s.getCssValue("flex-grow"))
        .containsExactly(chrome.count("mixed"), chrome.count("negative"));
  }

  @Test
  void aBadBoundInTheLinkHasAChipAndAWayOut() {
    open("/?q=cliche&to=someday");
    WebElement alert =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#notice [role=alert]")));
    assertThat(alert.getText()).contains("Search failed");
    assertThat(chips()).containsExactly("Date: to someday");
    browser.findElement(By.id("clear-filters")).click();
    chrome.waitForCards(3);
    assertThat(browser.getCurrentUrl()).doesNotContain("to=");
    assertThat(chips()).isEmpty();
  }

  @Test
  void removingAChipPutsFocusOnTheNextChipThenOnTheBox() {
    open("/?critic=Noor+Haddad&min_score=10&max_score=59");
    chrome.waitForCards(2);
    assertThat(chips()).containsExactly("Noor Haddad", "Score: 10–59");
    browser.findElement(By.cssSelector("#chips .chip button")).click();
    wait.until(d -> !d.getCurrentUrl().contains("critic="));
    assertThat(focused()).endsWith("Remove score 10–59");
    browser.switchTo().activeElement().click();
    wait.until(d -> !d.getCurrentUrl().contains("min_score"));
    assertThat(focused()).startsWith("q|");
  }

  @Test
  void clickingACriticInACardKeepsFocusOnThatNameInTheNewResults() {
    open("/?q=cliche");
    chrome.waitForCards(3);
    browser.findElement(By.cssSelector(".card .critic[data-name='Dennis Lim']")).click();
    chrome.waitForCards(1);
    wait.until(d -> "Dennis Lim".equals(d.switchTo().activeElement().getAttribute("data-name")));
  }

  @Test
  void filteringOnACriticShowsTheirFiguresAndTheWayToTheirProfile() {
    open("/?q=cliche");
    chrome.waitForCards(3);
    browser.findElement(By.cssSelector(".card .critic[data-name='Dennis Lim']")).click();
    wait.until(d -> !d.findElements(By.cssSelector("#profile-summary .profile-link")).isEmpty());
    assertThat(chrome.textOf("#profile-summary")).startsWith("Dennis Lim · 1 review");
    browser.findElement(By.cssSelector("#profile-summary .profile-link")).click();
    wait.until(d -> !d.findElements(By.id("profile")).isEmpty());
    assertThat(browser.getCurrentUrl()).contains("view=critic").contains("name=Dennis+Lim");
    assertThat(chrome.textOf("#profile-title")).isEqualTo("Dennis Lim");
    assertThat(chrome.textOf("#generosity")).isNotEmpty();
    assertThat(chrome.cards()).isEmpty();
    browser.navigate().back();
    chrome.waitForCards(1);
    assertThat(browser.findElements(By.id("profile"))).isEmpty();
  }

  @Test
  void aWorksProfileShowsItsVerdictPullQuotesAndCritics() throws Exception {
    open("/?view=work&name=Quiet+Harbour");
    wait.until(d -> !d.findElements(By.id("verdict")).isEmpty());
    // four reviews, one of them scored below 40 and one at 50: the mix decides (no four scores)
    assertThat(chrome.textOf("#verdict")).contains("based on 4 critics");
    assertThat(browser.findElements(By.cssSelector("#profile .works tbody tr"))).hasSize(4);
    assertThat(browser.findElements(By.cssSelector("#negative-quotes li"))).isNotEmpty();
    chrome.screenshot("work-profile");
    browser.findElement(By.cssSelector("#profile .works a.profile-link")).click();
    wait.until(d -> d.getCurrentUrl().contains("view=critic"));
    wait.until(d -> !d.findElements(By.id("agreement")).isEmpty());
    browser.findElement(By.id("q")).sendKeys("slog");
    wait.until(d -> !d.getCurrentUrl().contains("view="));
    chrome.waitForResults();
    assertThat(browser.findElements(By.id("profile"))).isEmpty();
  }

  @Test
  void aCriticsWorksSortByScoreDateOrTitleInPlace() {
    open("/?view=critic&name=Noor+Haddad");
    wait.until(d -> !d.findElements(By.id("works-sort")).isEmpty());
    assertThat(workTitles()).containsExactly("Quiet Harbour", "Quiet Harbour");
    assertThat(dates()).containsExactly("2022-11-01", "1999-05-20"); // by score: C (50), D- (16)
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("works-sort")))
        .selectByValue("date");
    wait.until(d -> dates().equals(List.of("2022-11-01", "1999-05-20")));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("works-sort")))
        .selectByValue("work");
    // one title twice: then by id, x-early before x-late
    wait.until(d -> dates().equals(List.of("1999-05-20", "2022-11-01")));
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("works-sort");
  }

  private List<String> workTitles() {
    return browser.findElements(By.cssSelector("#profile .works tbody tr td:nth-child(3)")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private List<String> dates() {
    return browser.findElements(By.cssSelector("#profile .works tbody tr td:nth-child(4)")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void aProfileFitsAPhoneWithoutScrollingSideways() {
    browser.manage().window().setSize(new Dimension(390, 844));
    for (String view : List.of("work&name=Quiet+Harbour", "critic&name=Noor+Haddad")) {
      open("/?view=" + view);
      wait.until(d -> !d.findElements(By.id("profile")).isEmpty());
      Long overflow =
          (Long)
              browser.executeScript(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(overflow).as(view).isLessThanOrEqualTo(0L);
    }
  }

  @Test
  void aProfileOfANameNoReviewHasSaysSo() {
    open("/?view=critic&name=Nobody+Atall");
    assertThat(chrome.textOf("#notice")).contains("no review is by a critic named 'Nobody Atall'");
  }

  /**
   * The page under its strict Content-Security-Policy (nothing inline): every search, chart and
   * profile it draws raises no violation, and the bars still get their heights (set through the
   * CSSOM, which the policy allows).
   */
  @Test
  void theStrictContentSecurityPolicyBlocksNothingThePageDoes() {
    browser.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument",
        java.util.Map.of(
            "source",
            "window.cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation',"
                + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"));
    open("/?q=harbour&min_score=10");
    bin("score-chart", 50).click();
    waitForUrl("min_score=50");
    assertThat(bin("score-chart", 50).findElement(By.cssSelector(".bar")).getAttribute("style"))
        .contains("height");
    open("/?view=work&name=Quiet+Harbour");
    wait.until(d -> !d.findElements(By.id("verdict")).isEmpty());
    open("/?view=critic&name=Noor+Haddad");
    wait.until(d -> !d.findElements(By.id("generosity")).isEmpty());
    assertThat((List<?>) browser.executeScript("return window.cspViolations")).isEmpty();
  }

  /** The pictures README shows: target/screenshots/page-1440.png, page-390.png. */
  @Test
  void screenshotsAtDesktopAndPhoneWidths() throws Exception {
    browser.manage().window().setSize(new Dimension(1440, 1000));
    open("/?q=harbour+OR+film&min_score=10");
    assertThat(browser.findElements(By.cssSelector("#results .card"))).isNotEmpty();
    chrome.screenshot("page-1440");
    browser.manage().window().setSize(new Dimension(390, 844));
    open("/?q=harbour+OR+film&min_score=10");
    chrome.screenshot("page-390");
    browser.findElement(By.id("filters-toggle")).click();
    chrome.screenshot("page-390-filters");
  }
}
