package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import pullquote.ingest.Json;
import pullquote.testing.HeadlessChromium;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrCollections;
import pullquote.testing.TestIndexes;

/**
 * The search page in a real headless Chromium, served over 2-shard collections of a real SolrCloud
 * cluster: what a reader does most (type, tick a class, pick a critic, page on, be forgiven) shows
 * the same as over the local index ({@link SearchPageBrowserTest}, same fixtures, same counts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SolrSearchPageBrowserTest {

  @RegisterExtension static final SolrCluster SOLR = new SolrCluster();

  @TempDir static Path dir;
  private HeadlessChromium chrome;
  private SolrCollections.Opened seed;
  private SolrCollections.Opened forgiving;
  private ApiServer seedServer;
  private ApiServer forgivingServer;

  @BeforeAll
  void start() throws Exception {
    chrome = HeadlessChromium.start(dir.resolve("profile"));
    seed =
        SolrCollections.searchable(
            SOLR.cluster(),
            "page_seed",
            TestIndexes.SEED,
            TestIndexes.EXTRA,
            SearchPageBrowserTest.UNLABELLED);
    forgiving =
        SolrCollections.searchable(
            SOLR.cluster(), "page_forgiving", SearchPageBrowserTest.FORGIVING);
    seedServer = serve(seed);
    forgivingServer = serve(forgiving);
  }

  private static ApiServer serve(SolrCollections.Opened collection) {
    return new ApiServer(collection.service(), Json.newMapper(), Path.of("web"))
        .start("127.0.0.1", 0);
  }

  @AfterAll
  void stop() {
    // Any of them may be missing: without Chromium the class is skipped before the others open.
    for (AutoCloseable open :
        new AutoCloseable[] {chrome, seedServer, forgivingServer, seed, forgiving}) {
      try {
        if (open != null) {
          open.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private void open(ApiServer server, String pathAndQuery) {
    chrome.open("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  private List<String> marks(int card) {
    return chrome.cards().get(card).findElements(By.tagName("mark")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void typingFindsNoelMurrayWithTheWordsMarked() throws Exception {
    open(seedServer, "/");
    chrome.driver().findElement(By.id("q")).sendKeys("running out of options");
    chrome.waitForCards(1);
    assertThat(chrome.critics()).containsExactly("Noel Murray");
    // neighbouring matched words are marked as one
    assertThat(marks(0)).contains("running out of options");
    chrome.screenshot("solr-results");
  }

  @Test
  void tickingMixedShowsExactlyTheTwoMixedReviewsAndKeepsCounts() throws Exception {
    open(seedServer, "/?work=Pusher");
    chrome.waitForCards(10);
    assertThat(chrome.status()).isEqualTo("11 reviews · showing 10");
    assertThat(List.of(chrome.count("positive"), chrome.count("mixed"), chrome.count("negative")))
        .containsExactly("9", "2", "0");
    chrome.driver().findElement(By.cssSelector("label.s-mixed")).click();
    chrome.waitForCards(2);
    assertThat(chrome.critics()).containsExactlyInAnyOrder("Wendy Richmond", "Anita Gates");
    assertThat(List.of(chrome.count("positive"), chrome.count("mixed"), chrome.count("negative")))
        .containsExactly("9", "2", "0");
    chrome.screenshot("solr-facet-ticked");
  }

  @Test
  void criticAutocompletePicksNoelMurrayWithTheKeyboard() {
    open(seedServer, "/");
    WebElement critic = chrome.driver().findElement(By.id("critic-input"));
    critic.sendKeys("mur");
    chrome
        .waiting()
        .until(d -> !d.findElements(By.cssSelector("#critic-options [role=option]")).isEmpty());
    assertThat(chrome.textOf("#critic-options [role=option]")).startsWith("Noel Murray");
    critic.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
    chrome.waitForCards(1);
    assertThat(chrome.critics()).containsExactly("Noel Murray");
  }

  @Test
  void moreResultsContinuesWithTheCursor() {
    open(seedServer, "/?sort=date:desc");
    chrome.waitForCards(10);
    assertThat(chrome.status()).isEqualTo("16 reviews · showing 10");
    chrome.driver().findElement(By.id("more")).click();
    chrome.waitForCards(16);
    List<String> ids = chrome.cards().stream().map(c -> c.getAttribute("data-id")).toList();
    assertThat(ids).doesNotHaveDuplicates().startsWith("x-model", "x-late", "x-script");
  }

  @Test
  void aTypoIsForgivenAndTheCorrectionOffered() throws Exception {
    open(forgivingServer, "/?q=some%20cool-looking%20mnsters");
    chrome.waitForCards(1);
    assertThat(chrome.textOf("#did-you-mean"))
        .isEqualTo("Did you mean some cool-looking monsters?");
    assertThat(chrome.textOf("#expansions")).isEqualTo("Also matching: monsters (for “mnsters”)");
    assertThat(chrome.cards().get(0).getAttribute("data-id")).isEqualTo("f-monsters");
    // the typo neighbour is marked where it stands, with the words beside it
    assertThat(marks(0)).contains("some cool-looking monsters");
    chrome.screenshot("solr-did-you-mean");
  }

  @Test
  void aRelaxedSearchSaysNoReviewHasAllTheWords() throws Exception {
    open(forgivingServer, "/?q=drab%20hsts");
    chrome.waitForCards(3);
    assertThat(chrome.textOf("#forgiving #relaxed-note"))
        .isEqualTo(
            "No review has all of “drab hsts”; showing reviews with most of them."
                + " Not found anywhere: hsts.");
    assertThat(chrome.textOf("#did-you-mean a")).isEqualTo("drab hosts");
    chrome.screenshot("solr-relaxed");
  }
}
