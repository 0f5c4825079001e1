package pullquote.search.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.apache.lucene.analysis.Analyzer;
import org.apache.solr.client.solrj.util.ClientUtils;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.index.ReviewSchema;
import pullquote.search.QueryNode;
import pullquote.search.QuerySyntax;
import pullquote.search.SearchRequest;
import pullquote.sentiment.Sentiment;

/**
 * Where a request becomes a Solr query: the search box's syntax tree as Lucene query syntax (which
 * Solr analyses with the collection's own chains, the same as ours), and the filters beside it as
 * {@code fq}s, the sentiment's tagged so its facet can count without it.
 *
 * <p>Plain words are required, as typed, and scored together for proximity as the local index
 * scores them; quoted phrases search {@code text_exact}, the copy without stems. The forgiving
 * readings of the local index (names, near-synonyms, typos, relaxation) are not offered here.
 */
final class SolrQueries {

  /** The tag the sentiment filter carries, which its facet excludes. */
  static final String SENTIMENT_TAG = "sentiment";

  /** How the sentiment filter starts, so a search can be counted without it. */
  static final String SENTIMENT_FILTER = "{!tag=" + SENTIMENT_TAG + "}";

  /** How far the words as typed may stand apart and still score as a run, as the local index. */
  private static final int RUN_SLOP = 4;

  private static final int RUN_WORDS = 8;

  /** What one request asks of Solr. */
  /**
   * @param textQ the box's query on the review text alone, for the highlighter; null when it has
   *     nothing there
   * @param plainWords when the box is plain words and nothing else, its words as written (what a
   *     relaxed reading may leave out); else null
   */
  record Built(
      String q,
      String textQ,
      List<String> filters,
      List<String> warnings,
      boolean filtersOnly,
      List<String> plainWords) {}

  /** Cuts words as the collection does, written forms only. */
  private final Analyzer written = ReviewAnalyzers.forPhrases();

  Built build(SearchRequest request) {
    QuerySyntax.Parsed parsed = QuerySyntax.parse(request.q());
    List<String> warnings = new ArrayList<>(parsed.warnings());
    String box = parsed.root() == null ? null : toQuery(parsed.root(), warnings, false);
    if (box == null && parsed.root() != null) {
      warnings.add("the query has no searchable words; showing everything");
    }
    String text = parsed.root() == null ? null : toQuery(parsed.root(), new ArrayList<>(), true);
    return new Built(
        box == null ? "*:*" : box,
        text,
        filters(request),
        List.copyOf(warnings),
        box == null,
        plainWords(parsed.root()));
  }

  /** The words of a box of plain words alone, cut as the text is; null for any other box. */
  private List<String> plainWords(QueryNode root) {
    List<QueryNode> nodes =
        switch (root) {
          case null -> List.of();
          case QueryNode.And and -> and.nodes();
          case QueryNode.Term term -> List.of(term);
          default -> List.of();
        };
    List<String> words = new ArrayList<>();
    for (QueryNode node : nodes) {
      if (!(node instanceof QueryNode.Term term && isPlain(term))) {
        return null;
      }
      words.addAll(tokens(term.text()));
    }
    return words.isEmpty() ? null : List.copyOf(words);
  }

  /**
   * @param textOnly leave out what does not match in the text (field terms, exclusions), for the
   *     highlighter
   */
  private String toQuery(QueryNode node, List<String> warnings, boolean textOnly) {
    return switch (node) {
      case QueryNode.Term term when isPlain(term) -> and(List.of(term), warnings, textOnly);
      case QueryNode.Term term when textOnly && term.field() != null -> null;
      case QueryNode.Phrase phrase when textOnly && phrase.field() != null -> null;
      case QueryNode.Not not when textOnly -> null;
      case QueryNode.Term term -> term(term, warnings);
      case QueryNode.Phrase phrase -> phrase(phrase, warnings);
      case QueryNode.Not not -> {
        String inner = toQuery(not.node(), warnings, false);
        yield inner == null ? null : "(*:* -" + inner + ")";
      }
      case QueryNode.And and -> and(and.nodes(), warnings, textOnly);
      case QueryNode.Or or -> {
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        int clauses = 0;
        for (QueryNode branch : or.nodes()) {
          String q = toQuery(branch, warnings, textOnly);
          if (q != null) {
            any.add(q);
            clauses++;
          }
        }
        yield clauses == 0 ? null : any.toString();
      }
    };
  }

  /** Every plain word and item required, negated items excluded, runs of words scored. */
  private String and(List<QueryNode> nodes, List<String> warnings, boolean textOnly) {
    List<String> clauses = new ArrayList<>();
    List<String> run = new ArrayList<>();
    int required = 0;
    for (QueryNode node : nodes) {
      if (node instanceof QueryNode.Term term && isPlain(term)) {
        List<String> words = tokens(term.text());
        if (words.isEmpty()) {
          warnings.add("ignored '" + term.text() + "': no searchable words");
        }
        for (String word : words) {
          clauses.add("+" + ReviewFields.TEXT + ":" + ClientUtils.escapeQueryChars(word));
          required++;
          run.add(word);
        }
        continue;
      }
      addRun(clauses, run);
      boolean negated = node instanceof QueryNode.Not;
      String q =
          negated && textOnly
              ? null
              : toQuery(negated ? ((QueryNode.Not) node).node() : node, warnings, textOnly);
      if (q != null) {
        clauses.add((negated ? "-" : "+") + q);
        required += negated ? 0 : 1;
      }
    }
    addRun(clauses, run);
    if (clauses.isEmpty()) {
      return null;
    }
    if (required == 0) {
      clauses.add("+*:*");
    }
    return "(" + String.join(" ", clauses) + ")";
  }

  /** The run of words as one sloppy phrase, scored (optional), when it has two or more. */
  private static void addRun(List<String> clauses, List<String> run) {
    if (run.size() >= 2) {
      List<String> words = run.subList(0, Math.min(run.size(), RUN_WORDS));
      clauses.add(
          ReviewFields.TEXT
              + ":\""
              + ClientUtils.escapeQueryChars(String.join(" ", words))
              + "\"~"
              + RUN_SLOP);
    }
    run.clear();
  }

  private String term(QueryNode.Term term, List<String> warnings) {
    if (term.field() == null && term.text().equals("*")) {
      return "*:*";
    }
    ReviewSchema.Field field =
        term.field() == null ? null : ReviewSchema.byBoxPrefix(term.field()).orElseThrow();
    if (field != null && field.kind() == ReviewSchema.Kind.LABEL) {
      return label(field, term.text(), warnings);
    }
    // Prefixes match written words, as the local index's: the copy without stems.
    String solrField =
        field == null ? (term.prefix() ? "text_exact" : ReviewFields.TEXT) : field.wordsField();
    if (term.prefix()) {
      String prefix = term.text().toLowerCase(Locale.ROOT);
      if (prefix.chars().noneMatch(Character::isLetterOrDigit)) {
        warnings.add("ignored '" + term.text() + "*': a prefix needs a letter or digit");
        return null;
      }
      return solrField + ":" + ClientUtils.escapeQueryChars(prefix) + "*";
    }
    List<String> words = tokens(term.text());
    if (words.isEmpty()) {
      warnings.add("ignored '" + term.text() + "': no searchable words");
      return null;
    }
    StringJoiner all = new StringJoiner(" ", "(", ")");
    words.forEach(w -> all.add("+" + solrField + ":" + ClientUtils.escapeQueryChars(w)));
    return all.toString();
  }

  private String phrase(QueryNode.Phrase phrase, List<String> warnings) {
    ReviewSchema.Field field =
        phrase.field() == null ? null : ReviewSchema.byBoxPrefix(phrase.field()).orElseThrow();
    if (field != null && field.kind() == ReviewSchema.Kind.LABEL) {
      return label(field, phrase.text(), warnings);
    }
    if (tokens(phrase.text()).isEmpty()) {
      warnings.add("ignored \"" + phrase.text() + "\": no searchable words");
      return null;
    }
    String solrField = field == null ? "text_exact" : field.wordsField();
    return solrField
        + ":\""
        + ClientUtils.escapeQueryChars(phrase.text())
        + "\""
        + (phrase.slop() > 0 ? "~" + phrase.slop() : "");
  }

  private static String label(ReviewSchema.Field field, String value, List<String> warnings) {
    return Sentiment.parse(value)
        .map(s -> field.solrName() + ":" + s.key())
        .orElseGet(
            () -> {
              warnings.add(
                  "ignored sentiment:" + value + ": sentiment is positive, mixed or negative");
              return null;
            });
  }

  /** The filters beside the box: names, the sentiment (tagged), score and date ranges. */
  private static List<String> filters(SearchRequest request) {
    List<String> filters = new ArrayList<>();
    for (ReviewSchema.Field name : ReviewSchema.ofKind(ReviewSchema.Kind.NAME)) {
      List<String> values = request.names(name.name());
      if (!values.isEmpty()) {
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        values.forEach(
            v ->
                any.add(
                    name.exactField()
                        + ":"
                        + ClientUtils.escapeQueryChars(ReviewAnalyzers.exactName(v))));
        filters.add(any.toString());
      }
    }
    if (!request.sentiments().isEmpty()
        && request.sentiments().size() < Sentiment.values().length) {
      StringJoiner any = new StringJoiner(" OR ", SENTIMENT_FILTER + "(", ")");
      request.sentiments().stream()
          .sorted()
          .forEach(
              s -> any.add(ReviewSchema.field(ReviewFields.SENTIMENT).solrName() + ":" + s.key()));
      filters.add(any.toString());
    }
    if (request.minScore() != null || request.maxScore() != null) {
      filters.add(
          range(
              ReviewSchema.field(ReviewFields.SCORE).solrName(),
              request.minScore() == null ? "*" : request.minScore().toString(),
              request.maxScore() == null ? "*" : request.maxScore().toString()));
    }
    if (request.from() != null || request.to() != null) {
      filters.add(
          range(
              ReviewSchema.field(ReviewFields.DATE).solrName(),
              request.from() == null ? "*" : Long.toString(request.from().toEpochDay()),
              request.to() == null ? "*" : Long.toString(request.to().toEpochDay())));
    }
    return filters;
  }

  private static String range(String field, String from, String to) {
    return field + ":[" + from + " TO " + to + "]";
  }

  /** A word of the review text as typed: not a prefix, not a field term, not "*". */
  private static boolean isPlain(QueryNode.Term term) {
    return term.field() == null && !term.prefix() && !term.text().equals("*");
  }

  /**
   * The word's tokens as the text is cut (written forms only): what Solr's analysis will find in
   * it, so a word with none is reported and left out as the local index does.
   */
  private List<String> tokens(String text) {
    return ReviewAnalyzers.tokens(written, text);
  }
}
