package pullquote.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pure-Java WordPiece tokenizer against Hugging Face's own (its Rust library, through DJL's
 * binding, reading the same tokenizer.json, the base model artifact's): the same ids for every
 * text, truncated at 128.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordPieceParityTest {

  private static final int MAX_LENGTH = 128;

  private WordPieceTokenizer ours;
  private HuggingFaceTokenizer theirs;

  @BeforeAll
  void load(@TempDir Path dir) throws IOException {
    System.setProperty("ai.djl.offline", "true");
    Path tokenizerJson = dir.resolve("tokenizer.json");
    try (InputStream in = BaseModel.tokenizer()) {
      Files.copy(in, tokenizerJson);
    }
    try (InputStream in = Files.newInputStream(tokenizerJson)) {
      ours = WordPieceTokenizer.read(in);
    }
    theirs =
        HuggingFaceTokenizer.builder()
            .optTokenizerPath(tokenizerJson)
            .optMaxLength(MAX_LENGTH)
            .optTruncation(true)
            .optPadding(false)
            .optAddSpecialTokens(true)
            .build();
  }

  @AfterAll
  void close() {
    theirs.close();
  }

  private void assertSameIds(List<String> texts) {
    int checked = 0;
    for (String text : texts) {
      long[] mine = Arrays.stream(ours.encode(text, MAX_LENGTH)).asLongStream().toArray();
      var encoding = theirs.encode(text);
      long[] reference = encoding.getIds();
      assertThat(mine).as(() -> difference(text, mine, encoding)).containsExactly(reference);
      checked++;
    }
    assertThat(checked).isEqualTo(texts.size());
  }

  /** Where the two part ways: the text's code points and each side's tokens from there. */
  private static String difference(
      String text, long[] mine, ai.djl.huggingface.tokenizers.Encoding theirs) {
    long[] reference = theirs.getIds();
    int at = 0;
    while (at < Math.min(mine.length, reference.length) && mine[at] == reference[at]) {
      at++;
    }
    String[] tokens = theirs.getTokens();
    StringBuilder codes = new StringBuilder();
    text.codePoints().limit(400).forEach(c -> codes.append(String.format("U+%04X ", c)));
    return "first difference at id "
        + at
        + ": ours "
        + Arrays.toString(Arrays.copyOfRange(mine, at, Math.min(mine.length, at + 6)))
        + ", theirs "
        + Arrays.toString(Arrays.copyOfRange(reference, at, Math.min(reference.length, at + 6)))
        + " "
        + Arrays.toString(
            Arrays.copyOfRange(tokens, Math.max(0, at - 3), Math.min(tokens.length, at + 6)))
        + " in "
        + codes;
  }

  @Test
  void everyLineOfTheProjectsFixturesTokenizesAsHuggingFaceDoes() throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("server/src/test/resources/fixtures"))) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        texts.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    texts.addAll(Files.readAllLines(Path.of("sample-data/pusher.txt"), StandardCharsets.UTF_8));
    assertThat(texts).hasSizeGreaterThan(100);
    assertSameIds(texts);
  }

  /**
   * Random texts from pools of the characters where tokenizers part ways. No lone surrogate: a Rust
   * string cannot hold one, and the binding garbles the whole text around it (the Java tokenizer
   * drops it, as text cleaning does with any other broken character).
   */
  @Test
  void fiveThousandAdversarialTextsTokenizeAsHuggingFaceDoes() {
    String[] pool = {
      "film",
      "Film",
      "FILM",
      "unbelievably",
      "café",
      "Naïve",
      "ÉCOLE",
      "İstanbul",
      "ΣΟΦΟΣ",
      "straße",
      "東京",
      "映画",
      "한국",
      "ไทย",
      "عربى",
      "😂",
      "👍🏽",
      "👩‍👩‍👧",
      "❤️",
      "a\u0301",
      "\u00a0",
      "\u2028",
      "\u2029",
      "\u200b",
      "\u200d",
      "\u00ad",
      "\u0000",
      "\ufffd",
      "\u0007",
      "\u202e",
      "\t",
      "\n",
      "\r\n",
      " ",
      "  ",
      ",",
      ".",
      "!",
      "?",
      "...",
      "—",
      "–",
      "-",
      "'",
      "\u2019",
      "\"",
      "«",
      "»",
      "(",
      ")",
      "[",
      "]",
      "$",
      "€",
      "£",
      "%",
      "&",
      "*",
      "+",
      "=",
      "<",
      ">",
      "^",
      "`",
      "|",
      "~",
      "@",
      "#",
      "/",
      "\\",
      "_",
      "1",
      "42",
      "3.5/5",
      "B+",
      "x".repeat(101),
      "antidisestablishmentarianism",
      "ﬁ",
      "Ⅻ",
      "²",
      "½",
      "𝔉𝔦𝔩𝔪",
      "\uDBFF\uDFFF",
      "\uE000",
      "\u0378",
      "ǅ",
      "ß",
      "ﬀ",
      "K",
      "Å",
      "ϴ",
      "ς",
      "Σ",
      "ΐ",
      "ŉ",
      "ǰ",
      "ﾊﾟ",
      "ｶﾞ"
    };
    Random random = new Random(20261207);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder();
      int n = 1 + random.nextInt(i % 10 == 0 ? 200 : 25);
      for (int w = 0; w < n; w++) {
        text.append(pool[random.nextInt(pool.length)]);
        if (random.nextInt(3) > 0) {
          text.append(' ');
        }
      }
      texts.add(text.toString());
    }
    assertSameIds(texts);
  }

  /**
   * Every code point, alone and inside a word. Hugging Face's character tables predate recent
   * Unicode versions: it does not know some marks and punctuation assigned since (about 550 code
   * points with Java 25's tables, all in scripts after U+0600 other than CJK, or in Supplemental
   * Punctuation). Every other code point, and so every one a review in Latin, Greek, Cyrillic or
   * CJK script, or with emoji, is likely to hold, tokenizes the same.
   */
  @Test
  void everyCodePointTokenizesAsHuggingFaceDoesButSomeAddedSinceItsTables() {
    List<Integer> differing = new ArrayList<>();
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        continue;
      }
      String text = "a" + Character.toString(c) + "b " + Character.toString(c);
      long[] mine = Arrays.stream(ours.encode(text, MAX_LENGTH)).asLongStream().toArray();
      if (!Arrays.equals(mine, theirs.encode(text).getIds())) {
        differing.add(c);
      }
    }
    assertThat(differing).hasSizeLessThan(700);
    assertThat(differing)
        .allSatisfy(
            c ->
                assertThat(c >= 0x0600 && notCommon(c))
                    .as("U+%04X %s", c, Character.getName(c))
                    .isTrue());
  }

  /** Outside the blocks of general punctuation, Latin and Greek additions, CJK and emoji. */
  private static boolean notCommon(int c) {
    Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
    return block != Character.UnicodeBlock.GENERAL_PUNCTUATION
        && block != Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
        && block != Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        && block != Character.UnicodeBlock.HIRAGANA
        && block != Character.UnicodeBlock.KATAKANA
        && block != Character.UnicodeBlock.HANGUL_SYLLABLES
        && block != Character.UnicodeBlock.LATIN_EXTENDED_ADDITIONAL
        && block != Character.UnicodeBlock.GREEK_EXTENDED
        && block != Character.UnicodeBlock.MISCELLANEOUS_SYMBOLS_AND_PICTOGRAPHS
        && block != Character.UnicodeBlock.EMOTICONS
        && block != Character.UnicodeBlock.SUPPLEMENTAL_SYMBOLS_AND_PICTOGRAPHS
        && block != Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
  }

  /**
   * The shared critic corpus, when it is beside the checkout (CI has it; a fresh clone may not).
   */
  @Test
  void theSharedCorpusTokenizesAsHuggingFaceDoes() throws IOException {
    Path corpus = Path.of("../shared/data/critic-reviews/critic_reviews.csv");
    Assumptions.assumeTrue(Files.isRegularFile(corpus), "no shared corpus beside the checkout");
    List<String> texts = new ArrayList<>();
    try (var parser =
        org.apache.commons.csv.CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(Files.newBufferedReader(corpus, StandardCharsets.UTF_8))) {
      for (var row : parser) {
        texts.add(row.get("text"));
      }
    }
    assertThat(texts).hasSizeGreaterThan(50_000);
    assertSameIds(texts);
  }
}
