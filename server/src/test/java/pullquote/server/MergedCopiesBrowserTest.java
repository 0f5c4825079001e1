package pullquote.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pullquote.testing.HeadlessChromium;
import pullquote.testing.PageUnderTest;

/**
 * Two overlapping exports on the page (fixtures/ingest/overlap: 12 records, 8 reviews): a review
 * the exports share is one card, with the best of what each knew.
 */
class MergedCopiesBrowserTest {

  static final Path OVERLAP =
      Path.of("server", "src", "test", "resources", "fixtures", "ingest", "overlap");

  @TempDir static Path dir;
  static PageUnderTest page;
  static HeadlessChromium chrome;

  @BeforeAll
  static void start() throws Exception {
    page = PageUnderTest.start(dir, OVERLAP);
    chrome = page.chrome();
  }

  @AfterAll
  static void stop() throws Exception {
    if (page != null) {
      page.close();
    }
  }

  @Test
  void aReviewBothExportsHaveIsOneCardWithTheGradeOneOfThemKnew() {
    page.open("/?q=masterpiece");
    // Mila Strand's (three copies), Ana Ruiz's, Mila Strand's on another work, an uncredited one
    chrome.waitForCards(4);
    assertThat(chrome.critics())
        .containsExactlyInAnyOrder("Mila Strand", "Ana Ruiz", "Mila Strand", "Uncredited");
    page.open("/?q=flawless");
    chrome.waitForCards(1);
    assertThat(chrome.cards().getFirst().getText()).contains("Sean Holt").contains("A-");
  }
}
