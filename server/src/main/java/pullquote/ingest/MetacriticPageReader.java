package pullquote.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Metacritic-style critic page saved as text: an optional title line, the verdict line
 * ("Generally favorable reviews - based on 11 Critics"), the score distribution, and numbered
 * entries in any of their shapes ({@code Reviewed by: NAME} + date + text, or a bare score + text).
 */
public final class MetacriticPageReader implements ReviewReader {

  static final Pattern VERDICT =
      Pattern.compile("(?i)(.+?)\\s+-\\s+based on\\s+(\\d{1,6})\\s+critics?\\.?");
  private static final Pattern DISTRIBUTION =
      Pattern.compile(
          "(?i)(?:\\d+\\.\\s*)?(positive|mixed|negative):\\s*(\\d{1,6})\\s+out of\\s+(\\d{1,6})");
  private static final Pattern ENTRY = Pattern.compile("(\\d{1,6})\\.(?!\\d)\\s*(.*)");
  private static final Pattern REVIEWED_BY = Pattern.compile("(?i)reviewed by:?\\s*(.*)");
  private static final Pattern BARE_SCORE = Pattern.compile("\\d{1,3}");

  private final String workOverride;

  /**
   * @param workOverride the work for every entry; null to take it from the page or file name
   */
  public MetacriticPageReader(String workOverride) {
    this.workOverride = workOverride;
  }

  @Override
  public void read(Path file, ReviewSink sink) throws IOException {
    String content = Utf8Files.read(file);
    Page page = parse(content.split("\\R", -1));
    String work =
        workOverride != null
            ? workOverride
            : page.title != null ? page.title : WorkTitles.fromFileName(file);
    List<PageEntry> entries = new ArrayList<>();
    for (EntryLines lines : page.entries) {
      PageEntry.parse(lines.number, lines.line, lines.items, file, sink).ifPresent(entries::add);
    }
    PageDistribution distribution = page.distribution();
    boolean trusted = distribution.agreesWith(entries, page.entries.size());
    if (!trusted && distribution.stated()) {
      sink.warn(
          file,
          0,
          "page distribution ignored",
          "the stated distribution does not fit the entries or their scores; not used");
    }
    for (PageEntry entry : entries) {
      sink.accept(entry.toRawReview(work, trusted ? distribution : null, file));
    }
    sink.progress(content.length());
  }

  /** True when the text looks like a critic page: a verdict line within its first lines. */
  static boolean looksLikePage(List<String> firstLines) {
    return firstLines.stream()
        .map(FieldValues::clean)
        .anyMatch(l -> l != null && VERDICT.matcher(l).matches());
  }

  private static Page parse(String[] lines) {
    Page page = new Page();
    EntryLines current = null;
    boolean inReviews = false;
    for (int i = 0; i < lines.length; i++) {
      String text = FieldValues.clean(lines[i]);
      if (text == null) {
        continue;
      }
      Matcher m;
      if (page.verdict == null && (m = VERDICT.matcher(text)).matches()) {
        page.verdict = m.group(1);
        page.criticCount = Integer.parseInt(m.group(2));
      } else if (!inReviews && (m = DISTRIBUTION.matcher(text)).matches()) {
        page.counts.put(m.group(1).toLowerCase(Locale.ROOT), Integer.parseInt(m.group(2)));
        page.distributionTotal = Integer.parseInt(m.group(3));
      } else if (text.equalsIgnoreCase("critic reviews")) {
        inReviews = true;
      } else if ((m = ENTRY.matcher(text)).matches()
          && (inReviews || page.verdict != null)
          && isNextEntry(m.group(1), page.entries.size())) {
        inReviews = true;
        current = new EntryLines(page.entries.size() + 1, i + 1, new ArrayList<>());
        page.entries.add(current);
        if (!m.group(2).isEmpty()) {
          current.items.add(m.group(2));
        }
      } else if (current != null) {
        current.items.add(text);
      } else if (page.verdict == null
          && page.title == null
          && !text.endsWith(":")
          && text.length() <= FieldValues.MAX_NAME_LENGTH) {
        page.title = text;
      }
    }
    return page;
  }

  private static boolean isNextEntry(String number, int entriesSoFar) {
    return Integer.parseInt(number) == entriesSoFar + 1;
  }

  /** One numbered entry's lines: its number, the line it starts on, and its cleaned lines. */
  record EntryLines(int number, int line, List<String> items) {}

  private static final class Page {
    String title;
    String verdict;
    Integer criticCount;
    Integer distributionTotal;
    final java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    final List<EntryLines> entries = new ArrayList<>();

    PageDistribution distribution() {
      Integer total = distributionTotal != null ? distributionTotal : criticCount;
      return PageDistribution.of(
          counts.get("positive"), counts.get("mixed"), counts.get("negative"), total);
    }
  }

  static boolean isReviewedBy(String item) {
    return REVIEWED_BY.matcher(item).matches();
  }

  static String reviewedBy(String item) {
    Matcher m = REVIEWED_BY.matcher(item);
    return m.matches() ? m.group(1) : null;
  }

  static boolean isBareScore(String item) {
    return BARE_SCORE.matcher(item).matches() && Integer.parseInt(item) <= 100;
  }
}
