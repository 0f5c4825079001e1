package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import pullquote.index.LiveIndex;
import pullquote.ingest.Json;
import pullquote.testing.HeadlessChromium;
import pullquote.testing.TestIndexes;

/**
 * The search page in a real headless Chromium (Debian's chromium + chromedriver), against the real
 * server over the seed index plus a fixture whose texts carry HTML and script.
 */
class SearchPageBrowserTest {

  static final Path UNLABELLED =
      Path.of("server", "src", "test", "resources", "fixtures", "search", "unlabelled.jsonl");
  static final Path FORGIVING =
      Path.of("server", "src", "test", "resources", "fixtures", "search", "forgiving.jsonl");

  @TempDir static Path dir;
  static LiveIndex live;
  static ApiServer server;
  static LiveIndex forgivingLive;
  static ApiServer forgivingServer;
  static HeadlessChromium chrome;
  static ChromeDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    chrome = HeadlessChromium.start(dir.resolve("profile"));
    browser = chrome.driver();
    wait = chrome.waiting();
    TestIndexes.build(dir.resolve("index"), TestIndexes.SEED, TestIndexes.EXTRA, UNLABELLED);
    live = TestIndexes.open(dir.resolve("index"));
    server =
        new ApiServer(TestIndexes.service(live), Json.newMapper(), Path.of("web"))
            .start("127.0.0.1", 0);
    // The forgiving search box's answers, on the handwritten fixture its search tests pin.
    TestIndexes.build(dir.resolve("forgiving-index"), FORGIVING);
    forgivingLive = TestIndexes.open(dir.resolve("forgiving-index"));
    forgivingServer =
        new ApiServer(TestIndexes.service(forgivingLive), Json.newMapper(), Path.of("web"))
            .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    if (chrome != null) {
      chrome.close();
    }
    if (server != null) {
      server.close();
      live.close();
    }
    if (forgivingServer != null) {
      forgivingServer.close();
      forgivingLive.close();
    }
  }

  @BeforeEach
  void normalWindow() {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
  }

  private void open(String pathAndQuery) {
    browser.get("http://127.0.0.1:" + server.port() + pathAndQuery);
    waitForResults();
  }

  /** Opens the page served over the forgiving fixture. */
  private void openForgiving(String pathAndQuery) {
    browser.get("http://127.0.0.1:" + forgivingServer.port() + pathAndQuery);
    waitForResults();
  }

  private void waitForResults() {
    chrome.waitForResults();
  }

  /** Opens the page, types into the critic box and waits for its suggestions. */
  private WebElement typeCritic(String text) {
    open("/");
    WebElement critic = browser.findElement(By.id("critic-input"));
    critic.sendKeys(text);
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#critic-options [role=option]")));
    return critic;
  }

  private List<WebElement> cards() {
    return chrome.cards();
  }

  private List<String> critics() {
    return chrome.critics();
  }

  private void waitForCards(int n) {
    chrome.waitForCards(n);
  }

  private String count(String sentiment) {
    return chrome.count(sentiment);
  }

  private static void screenshot(String name) throws Exception {
    chrome.screenshot(name);
  }

  @Test
  void typingFindsNoelMurrayBeforeTheWordIsFinished() throws Exception {
    open("/");
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("running out of opt");
    wait.until(d -> critics().equals(List.of("Noel Murray")));
    List<String> marks =
        cards().get(0).findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
    // neighbouring matched words are marked as one
    assertThat(marks).contains("running out of", "options");
    assertThat(browser.getCurrentUrl()).contains("q=running+out+of+opt");
    screenshot("results");
  }

  @Test
  void anExactPhraseIsHighlightedAsOne() {
    open("/");
    browser.findElement(By.id("q")).sendKeys("\"running out of options\"");
    wait.until(d -> critics().equals(List.of("Noel Murray")));
    wait.until(
        d ->
            cards().get(0).findElements(By.tagName("mark")).stream()
                .map(WebElement::getText)
                .toList()
                .equals(List.of("running out of options")));
  }

  @Test
  void tickingMixedShowsExactlyTheTwoMixedReviewsAndKeepsCounts() throws Exception {
    open("/?work=Pusher");
    waitForCards(10);
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("11 reviews · showing 10");
    assertThat(List.of(count("positive"), count("mixed"), count("negative")))
        .containsExactly("9", "2", "0");
    browser.findElement(By.cssSelector("label.s-mixed")).click();
    waitForCards(2);
    assertThat(critics()).containsExactlyInAnyOrder("Wendy Richmond", "Anita Gates");
    assertThat(List.of(count("positive"), count("mixed"), count("negative")))
        .containsExactly("9", "2", "0");
    assertThat(browser.getCurrentUrl()).contains("sentiment=mixed");
    screenshot("facet-ticked");
  }

  @Test
  void criticAutocompletePicksNoelMurrayWithTheKeyboard() {
    WebElement critic = typeCritic("mur");
    assertThat(browser.findElement(By.cssSelector("#critic-options [role=option]")).getText())
        .startsWith("Noel Murray");
    assertThat(critic.getAttribute("aria-expanded")).isEqualTo("true");
    critic.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
    waitForCards(1);
    assertThat(critics()).containsExactly("Noel Murray");
    assertThat(browser.findElements(By.cssSelector("#chips .chip")).get(0).getText())
        .contains("Noel Murray");
    browser.findElement(By.cssSelector("#chips .chip button")).click();
    waitForCards(10);
  }

  @Test
  void theUrlRestoresStateOnReloadAndHistory() {
    open("/?q=cliche&sentiment=mixed");
    waitForCards(1);
    browser.navigate().refresh();
    waitForResults();
    waitForCards(1);
    assertThat(critics()).containsExactly("Wendy Richmond");
    assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("cliche");
    assertThat(browser.findElement(By.cssSelector("input[value=mixed]")).isSelected()).isTrue();
    browser.findElement(By.cssSelector("label.s-mixed")).click();
    waitForCards(3);
    browser.navigate().back();
    waitForCards(1);
    assertThat(browser.findElement(By.cssSelector("input[value=mixed]")).isSelected()).isTrue();
  }

  @Test
  void markupInReviewsIsShownAsTextAndRunsNothing() {
    open("/?q=thriller");
    waitForCards(1);
    WebElement card = cards().get(0);
    assertThat(card.findElement(By.cssSelector(".quote")).getText())
        .contains("<script>window.pwned=1</script>")
        .contains("<img src=x onerror=\"window.pwned=2\">");
    // formatting markup in a name is removed at ingest (TextCleaner); the rest stays as text
    assertThat(card.findElement(By.cssSelector(".critic")).getText()).isEqualTo("Ada Bold");
    assertThat(card.findElements(By.cssSelector("script, img, b"))).isEmpty();
    assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined"))
        .isEqualTo(true);
  }

  @Test
  void markupInEveryFieldThePageShowsIsTextAndRunsNothing() throws Exception {
    // Its own index, so the other tests' counts stay as pinned.
    String critic = "Zed <img src=y onerror=\\\"window.pwned=5\\\">";
    String work = "Menace <svg onload=\\\"window.pwned=4\\\">";
    String publication = "<iframe src=\\\"javascript:window.pwned=6\\\"></iframe>Gazette";
    Path hostile =
        Files.writeString(
            dir.resolve("hostile.jsonl"),
            String.format(
                "{\"id\": \"h1\", \"critic\": \"%s\", \"work\": \"%s\", \"publication\": \"%s\","
                    + " \"score_raw\": \"4/5<script>window.pwned=7</script>\", \"text\":"
                    + " \"hostilemarker <b onmouseover=window.pwned=8>bold</b> claim\"}%n"
                    + "{\"id\": \"h2\", \"critic\": \"%s\", \"work\": \"%s\", \"text\":"
                    + " \"hostilemarker a dull and tedious slog <script>window.pwned=9</script>\"}%n",
                critic, work, publication, critic, work));
    Path index = dir.resolve("hostile-index");
    TestIndexes.build(index, hostile);
    try (LiveIndex hostileLive = TestIndexes.open(index);
        ApiServer hostileServer =
            new ApiServer(TestIndexes.service(hostileLive), Json.newMapper(), Path.of("web"))
                .start("127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + hostileServer.port();
      browser.get(base + "/?q=hostilemarker");
      waitForCards(2);
      String shownCritic = critic.replace("\\", "");
      String shownWork = work.replace("\\", "");
      WebElement first = cards().get(0);
      assertThat(first.findElement(By.cssSelector(".critic")).getText()).isEqualTo(shownCritic);
      assertThat(first.findElement(By.cssSelector(".work")).getText()).isEqualTo(shownWork);
      assertThat(browser.findElement(By.cssSelector("#results")).getText())
          .contains(publication.replace("\\", ""))
          .contains("4/5<script>window.pwned=7</script>")
          // a formatting tag, handler and all, is removed at ingest; its word stays
          .contains("hostilemarker bold claim")
          .doesNotContain("onmouseover");
      // Filters made from those names become chips, and the critic box suggests the name.
      first.findElement(By.cssSelector(".critic")).click();
      wait.until(d -> d.findElements(By.cssSelector("#chips .chip")).size() == 1);
      waitForCards(2);
      cards().get(0).findElement(By.cssSelector(".work")).click();
      wait.until(d -> d.findElements(By.cssSelector("#chips .chip")).size() == 2);
      assertThat(browser.findElement(By.id("chips")).getText())
          .contains(shownCritic)
          .contains(shownWork);
      browser.findElement(By.id("critic-input")).sendKeys("zed");
      wait.until(
          ExpectedConditions.visibilityOfElementLocated(
              By.cssSelector("#critic-options [role=option]")));
      assertThat(browser.findElement(By.id("critic-options")).getText()).contains(shownCritic);
      for (WebElement badge : browser.findElements(By.cssSelector("#results .badge"))) {
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(badge).perform();
      }
      assertThat(
              browser.findElements(
                  By.cssSelector(
                      "#results script, #results img, #results svg, #results iframe, #results b,"
                          + " #chips img, #chips svg, #critic-options img")))
          .isEmpty();
      assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined"))
          .isEqualTo(true);
    }
  }

  @Test
  void anApiErrorShowsAReadableMessage() {
    open("/?q=cliche&from=yesterday");
    WebElement alert =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#notice [role=alert]")));
    assertThat(alert.getText())
        .contains("Search failed")
        .contains("from must be a date as YYYY-MM-DD");
    assertThat(cards()).isEmpty();
  }

  @Test
  void aPageOpenedBeforeTheIndexIsServedShowsWhyAndAnswersOnceItIs() throws Exception {
    Path later = dir.resolve("later");
    try (LiveIndex none = new LiveIndex(new pullquote.index.IndexLayout(later), Json.newMapper());
        ApiServer early =
            new ApiServer(TestIndexes.service(none), Json.newMapper(), Path.of("web"))
                .start("127.0.0.1", 0)) {
      browser.get("http://127.0.0.1:" + early.port() + "/?q=pusher");
      WebElement alert =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("#notice [role=alert]")));
      assertThat(alert.getText()).contains("no index has been built");
      TestIndexes.build(later, TestIndexes.SEED);
      none.refresh();
      // no click, no typing: the page asks again after the server's Retry-After
      wait.until(d -> !cards().isEmpty());
      assertThat(browser.findElement(By.id("notice")).getText()).isEmpty();
    }
  }

  @Test
  void noResultsOffersToDropTheFilter() throws Exception {
    open("/?q=cliche&critic=Noel%20Murray");
    wait.until(d -> d.findElement(By.id("notice")).getText().contains("No reviews match"));
    screenshot("no-results");
    browser
        .findElement(
            By.xpath("//div[@id='notice']//button[contains(., 'without critic Noel Murray')]"))
        .click();
    waitForCards(3);
  }

  @Test
  void clickingACriticOrWorkFiltersByIt() {
    open("/?q=cliche");
    waitForCards(3);
    browser.findElement(By.xpath("//button[contains(@class,'critic') and .='Dennis Lim']")).click();
    waitForCards(1);
    assertThat(browser.getCurrentUrl()).contains("critic=Dennis+Lim");
    open("/?q=work:harbour");
    browser.findElement(By.xpath("(//button[contains(@class,'work')])[1]")).click();
    wait.until(d -> d.getCurrentUrl().contains("work=Quiet+Harbour"));
    waitForCards(4);
  }

  @Test
  void aSortTheApiKnowsShowsInTheSelectAndAnUnknownOneFallsBack() {
    open("/?q=cliche&sort=date");
    waitForCards(3);
    assertThat(browser.findElement(By.id("sort")).getAttribute("value")).isEqualTo("date:desc");
    open("/?q=cliche&sort=bogus");
    waitForCards(3);
    assertThat(browser.findElement(By.id("sort")).getAttribute("value")).isEqualTo("relevance");
  }

  @Test
  void enterRightAfterTypingNeverPicksTheOldSuggestion() {
    WebElement critic = typeCritic("an");
    critic.sendKeys(Keys.chord(Keys.CONTROL, "a"), "mus", Keys.ENTER);
    assertThat(browser.findElements(By.cssSelector("#chips .chip"))).isEmpty();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#critic-options [role=option]")));
    critic.sendKeys(Keys.ENTER);
    waitForCards(1);
    assertThat(critics()).containsExactly("V.A. Musetto");
  }

  @Test
  void moreResultsContinuesWithTheCursor() {
    open("/?sort=date:desc");
    waitForCards(10);
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("16 reviews · showing 10");
    browser.findElement(By.id("more")).click();
    waitForCards(16);
    assertThat(browser.findElement(By.id("more")).isDisplayed()).isFalse();
    assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("card");
    List<String> ids = cards().stream().map(c -> c.getAttribute("data-id")).toList();
    assertThat(ids).doesNotHaveDuplicates().startsWith("x-model", "x-late", "x-script");
  }

  @Test
  void slashFocusesTheBoxAndEscapeClearsIt() {
    open("/?q=cliche");
    waitForCards(3);
    browser.findElement(By.tagName("body")).sendKeys("/");
    WebElement box = browser.switchTo().activeElement();
    assertThat(box.getAttribute("id")).isEqualTo("q");
    box.sendKeys(Keys.ESCAPE);
    waitForCards(10);
    assertThat(box.getAttribute("value")).isEmpty();
  }

  @Test
  void sentimentBadgeSaysWhereTheSentimentCameFrom() {
    open("/?q=imitation");
    waitForCards(1);
    WebElement badge = cards().get(0).findElement(By.cssSelector(".badge"));
    assertThat(badge.getText()).contains("Positive");
    badge.click();
    WebElement tip = badge.findElement(By.cssSelector("[role=tooltip]"));
    wait.until(ExpectedConditions.visibilityOf(tip));
    assertThat(tip.getText()).contains("page's score distribution");
  }

  @Test
  void aModelBadgeShowsTheWordsThatDecidedIt() throws Exception {
    open("/?q=squanders");
    waitForCards(1);
    WebElement badge = cards().get(0).findElement(By.cssSelector(".badge"));
    assertThat(badge.getText()).contains("Negative");
    badge.click();
    WebElement tip = badge.findElement(By.cssSelector("[role=tooltip]"));
    wait.until(ExpectedConditions.visibilityOf(tip));
    assertThat(tip.getText()).contains("text model").contains("because of “");
    screenshot("model-badge");
  }

  @Test
  void narrowAndDarkScreensStillShowTheResults() throws Exception {
    browser.manage().window().setSize(new Dimension(375, 800));
    open("/?q=cliche");
    waitForCards(3);
    Object overflow =
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
    assertThat(overflow).isEqualTo(false);
    screenshot("narrow");
    browser.manage().window().setSize(new Dimension(1440, 900));
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    open("/?q=refn");
    screenshot("dark");
  }

  private String textOf(String css) {
    return chrome.textOf(css);
  }

  private String status() {
    return chrome.status();
  }

  private String box() {
    return browser.findElement(By.id("q")).getAttribute("value");
  }

  private String activeId() {
    return browser.switchTo().activeElement().getAttribute("id");
  }

  private String query() {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript("return new URLSearchParams(location.search).get('q')");
  }

  @Test
  void aRelaxedSearchSaysNoReviewHasAllTheWordsAndWhichAreFoundNowhere() throws Exception {
    openForgiving("/?q=drab%20hsts");
    waitForCards(3);
    assertThat(textOf("#forgiving #relaxed-note"))
        .isEqualTo(
            "No review has all of “drab hsts”; showing reviews with most of them."
                + " Not found anywhere: hsts.");
    // calm: not the notice box the errors and warnings use, and no alert
    assertThat(browser.findElement(By.id("notice")).getText()).isEmpty();
    assertThat(browser.findElements(By.cssSelector("[role=alert]"))).isEmpty();
    assertThat(textOf("#did-you-mean a")).isEqualTo("drab hosts");
    screenshot("relaxed");

    openForgiving("/?q=sharp%20comedy%20toothless");
    waitForCards(2);
    assertThat(textOf("#relaxed-note"))
        .isEqualTo(
            "No review has all of “sharp comedy toothless”; showing reviews with most of them.");
    assertThat(browser.findElements(By.id("did-you-mean"))).isEmpty();
    assertThat(status()).isEqualTo("2 reviews");
  }

  @Test
  void didYouMeanLinksToTheCorrectedSearchAndRunsItInPlace() throws Exception {
    openForgiving("/?q=some%20cool-looking%20mnsters");
    waitForCards(1);
    WebElement link = browser.findElement(By.cssSelector("#forgiving #did-you-mean a"));
    assertThat(textOf("#did-you-mean")).isEqualTo("Did you mean some cool-looking monsters?");
    assertThat(link.getDomAttribute("href")).isEqualTo("?q=some+cool-looking+monsters");
    assertThat(link.findElement(By.tagName("em")).getText()).isEqualTo("monsters");
    assertThat(textOf("#expansions")).isEqualTo("Also matching: monsters (for “mnsters”)");
    assertThat(browser.findElements(By.id("relaxed-note"))).isEmpty();
    screenshot("did-you-mean");

    link.click();
    wait.until(d -> "some cool-looking monsters".equals(query()));
    wait.until(d -> d.findElements(By.id("did-you-mean")).isEmpty());
    waitForCards(1);
    assertThat(box()).isEqualTo("some cool-looking monsters");
    assertThat(activeId()).isEqualTo("q");
    assertThat(browser.findElements(By.id("expansions"))).isEmpty();
    assertThat(cards().get(0).getAttribute("data-id")).isEqualTo("f-monsters");
    // in place, and in the history
    browser.navigate().back();
    wait.until(d -> "some cool-looking mnsters".equals(box()));
    wait.until(d -> !d.findElements(By.id("did-you-mean")).isEmpty());
  }

  @Test
  void didYouMeanOnNoResultsIsInTheEmptyNotice() {
    openForgiving("/?q=critic:ebert%20glorus");
    wait.until(d -> d.findElement(By.id("notice")).getText().contains("No reviews match"));
    assertThat(cards()).isEmpty();
    assertThat(textOf("#notice #did-you-mean")).isEqualTo("Did you mean critic:ebert glorious?");
    assertThat(browser.findElements(By.cssSelector("#forgiving > *"))).isEmpty();
    browser.findElement(By.cssSelector("#notice #did-you-mean a")).click();
    waitForCards(1);
    assertThat(box()).isEqualTo("critic:ebert glorious");
    assertThat(query()).isEqualTo("critic:ebert glorious");
    assertThat(critics()).containsExactly("Roger Ebert");
    assertThat(browser.findElement(By.id("notice")).getText()).isEmpty();
  }

  /** Opens the page with the box as typed, checks the one filter it offers, and takes it. */
  private void takeSuggestedFilter(
      String box, String offer, String parameter, String chip, int reviews) {
    openForgiving("/?q=" + box.replace(" ", "%20"));
    WebElement button = browser.findElement(By.cssSelector("#suggested-filters button"));
    assertThat(button.getText()).isEqualTo(offer);
    assertThat(button.getAttribute("type")).isEqualTo("button");
    button.click();
    wait.until(d -> d.getCurrentUrl().contains(parameter));
    waitForCards(reviews);
    assertThat(status()).isEqualTo(reviews + " reviews");
    assertThat(textOf("#chips .chip")).contains(chip);
    // the reader wanted the name's reviews, not reviews mentioning it: the box is emptied
    assertThat(box()).isEmpty();
    assertThat(browser.getCurrentUrl()).doesNotContain("q=");
    assertThat(activeId()).isEqualTo("q");
    assertThat(browser.findElements(By.cssSelector("#forgiving > *"))).isEmpty();
  }

  @Test
  void aCriticsNameInTheBoxIsOneClickFromTheirReviews() {
    takeSuggestedFilter(
        "roger ebert",
        "Roger Ebert is a critic — show all 3 of their reviews",
        "critic=Roger+Ebert",
        "Roger Ebert",
        3);
    assertThat(critics()).containsOnly("Roger Ebert");
  }

  @Test
  void aWorksOrPublicationsNameIsOneClickFromItsReviews() {
    takeSuggestedFilter(
        "monster parade",
        "Monster Parade is a work — show all 3 reviews of it",
        "work=Monster+Parade",
        "Work: Monster Parade",
        3);
    takeSuggestedFilter(
        "the ledger",
        "The Ledger is a publication — show its 5 reviews",
        "publication=The+Ledger",
        "Publication: The Ledger",
        5);
    // the filter lives in the URL like the others, and its chip takes it off
    browser.navigate().refresh();
    waitForResults();
    waitForCards(5);
    browser.findElement(By.cssSelector("#chips .chip button")).click();
    waitForCards(10);
    assertThat(status()).isEqualTo("21 reviews · showing 10");
    assertThat(browser.getCurrentUrl()).doesNotContain("publication=");
  }

  @Test
  void suggestedFiltersCountWithThousandsSeparatorsAndSayOneReview() {
    openForgiving("/");
    @SuppressWarnings("unchecked")
    List<String> labels =
        (List<String>)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "import('/render.js').then(m => done([...m.suggestedFilterButtons(["
                        + "{critic: 'Roger Ebert', reviews: 1310}, {work: 'Pusher', reviews: 1},"
                        + "{publication: 'Sight & Sound', reviews: 24},"
                        + "{critic: 'Ann Hale', reviews: 1}], () => {}).children]"
                        + ".map(li => li.textContent)));");
    assertThat(labels)
        .containsExactly(
            "Roger Ebert is a critic — show all 1,310 of their reviews",
            "Pusher is a work — show its one review",
            "Sight & Sound is a publication — show its 24 reviews",
            "Ann Hale is a critic — show their one review");
  }

  @Test
  void otherSpellingsAndNearSynonymsAreToldInOneLine() {
    openForgiving("/?q=a%20colorful%20splash");
    waitForCards(2);
    assertThat(textOf("#forgiving #expansions"))
        .isEqualTo("Including other spellings: colourful (colorful)");
    openForgiving("/?q=a%20quietly%20devastating%20movie%20about%20grief");
    waitForCards(1);
    assertThat(textOf("#expansions")).isEqualTo("Also matching: film (for “movie”)");
  }

  @Test
  void aPlainSearchWithResultsSaysNothingMore() {
    openForgiving("/?q=drab%20ghosts");
    waitForCards(1);
    assertThat(browser.findElements(By.cssSelector("#forgiving > *"))).isEmpty();
    assertThat(browser.findElement(By.id("forgiving")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("notice")).getText()).isEmpty();
    assertThat(status()).isEqualTo("1 review");
  }

  @Test
  void typoNeighboursOfAWordTypedRightAreNotListed() {
    // the API says "ghosts" also matched "hosts"; only "Hsts" was mistyped
    openForgiving("/?q=Drab%20Hsts%2C%20ghosts");
    waitForCards(2);
    assertThat(textOf("#did-you-mean")).isEqualTo("Did you mean Drab hosts, ghosts?");
    assertThat(textOf("#relaxed-note")).endsWith("Not found anywhere: Hsts.");
    assertThat(browser.findElements(By.id("expansions"))).isEmpty();
  }

  @Test
  void typingANameOffersItsFilterAndAnUnfinishedWordStillFindsItsCompletions() {
    openForgiving("/");
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("some cool-looking monst");
    wait.until(d -> "some cool-looking monst".equals(query()));
    waitForCards(1);
    // the unfinished word is searched as a prefix: nothing relaxed, nothing to correct
    assertThat(browser.findElements(By.cssSelector("#forgiving > *"))).isEmpty();
    assertThat(cards().get(0).findElements(By.tagName("mark")).stream().map(WebElement::getText))
        .contains("monsters");
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), "roger ebert");
    wait.until(d -> !d.findElements(By.cssSelector("#suggested-filters button")).isEmpty());
    assertThat(textOf("#suggested-filters button")).startsWith("Roger Ebert is a critic");
    browser.findElement(By.cssSelector("#suggested-filters button")).click();
    waitForCards(3);
    assertThat(box()).isEmpty();
    assertThat(status()).isEqualTo("3 reviews");
  }

  @Test
  void theBoxsMarkupInTheseLinesIsTextAndRunsNothing() {
    openForgiving("/?q=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E%20glorus");
    wait.until(d -> d.findElement(By.id("notice")).getText().contains("No reviews match"));
    assertThat(textOf("#did-you-mean a")).isEqualTo("<img src=x onerror=window.pwned=1> glorious");
    openForgiving("/?q=glorus%20%3Cb%20onclick%3Dwindow.pwned%3D2%3Estunt%3C%2Fb%3E");
    waitForCards(1);
    assertThat(textOf("#relaxed-note"))
        .startsWith("No review has all of “glorus <b onclick=window.pwned=2>stunt</b>”");
    assertThat(browser.findElements(By.cssSelector("#forgiving img, #forgiving b, #notice img")))
        .isEmpty();
    assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined"))
        .isEqualTo(true);
  }

  @Test
  void theForgivingLinesStayReadableInTheDark() throws Exception {
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    openForgiving("/?q=drab%20hsts");
    waitForCards(3);
    for (String css : List.of("#did-you-mean a", "#relaxed-note")) {
      assertThat(contrast(css)).as(css).isGreaterThan(4.5);
    }
    screenshot("relaxed-dark");
    openForgiving("/?q=roger%20ebert");
    assertThat(contrast("#suggested-filters button")).isGreaterThan(4.5);
    openForgiving("/?q=a%20colorful%20splash");
    assertThat(contrast("#expansions")).isGreaterThan(4.5);
  }

  /** The contrast ratio of an element's text on the first opaque background behind it. */
  private double contrast(String css) {
    Object ratio =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const rgb = s => s.match(/[\\d.]+/g).map(Number);"
                    + "const lum = ([r, g, b]) => { const f = c => { c /= 255;"
                    + " return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };"
                    + " return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };"
                    + "let node = document.querySelector(arguments[0]);"
                    + "const fg = lum(rgb(getComputedStyle(node).color));"
                    + "let bg = null;"
                    + "for (; node && !bg; node = node.parentElement) {"
                    + " const c = rgb(getComputedStyle(node).backgroundColor);"
                    + " if (c.length < 4 || c[3] > 0) bg = c; }"
                    + "const b = lum(bg || [255, 255, 255]);"
                    + "return (Math.max(fg, b) + 0.05) / (Math.min(fg, b) + 0.05);",
                css);
    return ((Number) ratio).doubleValue();
  }
}
