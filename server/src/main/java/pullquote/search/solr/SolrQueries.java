package pullquote.search.solr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.lucene.analysis.Analyzer;
import org.apache.solr.client.solrj.util.ClientUtils;
import pullquote.index.ReviewAnalyzers;
import pullquote.index.ReviewFields;
import pullquote.index.ReviewSchema;
import pullquote.search.QueryNode;
import pullquote.search.QuerySyntax;
import pullquote.search.SearchRequest;
import pullquote.search.WordForms;
import pullquote.sentiment.Sentiment;

/**
 * Where a request becomes a Solr query: the search box's syntax tree as Lucene query syntax (which
 * Solr analyses with the collection's own chains, the same as ours), and the filters beside it as
 * {@code fq}s ({@link SolrFilters}).
 *
 * <p>Plain words are required, each in the forms the reading tries ({@link SolrWordClauses}), and
 * scored together for proximity as the local index scores them; quoted phrases search {@code
 * text_exact}, the copy without stems. Excluded words, phrases, prefixes and field terms stay as
 * typed.
 */
final class SolrQueries {

  /**
   * A word matched as typed, not by a typo neighbour, lifts a review a tier (local: EXACT_TIER).
   */
  private static final int EXACT_TIER = 1_000;

  /** How far the words as typed may stand apart and still score as a run, as the local index. */
  private static final int RUN_SLOP = 4;

  private static final int RUN_WORDS = 8;

  /** Runs with a word in another form, beyond the run as typed. */
  private static final int RUN_VARIANTS = 8;

  /**
   * @param textQ the box's query on the review text alone, for the highlighter; null when it has
   *     nothing there
   * @param topWords the plain words the box requires at its top level, as written (what a relaxed
   *     reading may leave out); empty when it has none there
   * @param rest the box's other top-level items (phrases, field terms, exclusions...), which a
   *     relaxed reading keeps as they are; empty when it has none
   * @param forgivable the box's words that a forgiving reading may read in other forms (not
   *     excluded, not quoted, not a prefix or field term), as written, distinct
   */
  record Built(
      String q,
      String textQ,
      List<String> filters,
      List<String> warnings,
      boolean filtersOnly,
      List<String> topWords,
      String rest,
      List<String> forgivable) {}

  /** Cuts words as the collection does, written forms only. */
  private final Analyzer written = ReviewAnalyzers.forPhrases();

  private final SolrWordClauses asTyped;

  SolrQueries(WordForms forms) {
    this.asTyped = SolrWordClauses.asTyped(forms);
  }

  /** The request with its plain words as typed (with their other spellings). */
  Built build(SearchRequest request) {
    return build(request, asTyped);
  }

  /** The request with its plain words read as {@code words} reads them. */
  Built build(SearchRequest request, SolrWordClauses words) {
    QuerySyntax.Parsed parsed = QuerySyntax.parse(request.q());
    List<String> warnings = new ArrayList<>(parsed.warnings());
    String box = parsed.root() == null ? null : toQuery(parsed.root(), words, warnings, false);
    if (box == null && parsed.root() != null) {
      warnings.add("the query has no searchable words; showing everything");
    }
    String text =
        parsed.root() == null ? null : toQuery(parsed.root(), words, new ArrayList<>(), true);
    Set<String> forgivable = new LinkedHashSet<>();
    forgivable(parsed.root(), forgivable);
    return new Built(
        box == null ? "*:*" : box,
        text,
        SolrFilters.of(request),
        List.copyOf(warnings),
        box == null,
        topWords(parsed.root()),
        rest(parsed.root(), words),
        List.copyOf(forgivable));
  }

  private void forgivable(QueryNode node, Set<String> words) {
    switch (node) {
      case QueryNode.Term term when isPlain(term) -> words.addAll(tokens(term.text()));
      case QueryNode.And and -> and.nodes().forEach(n -> forgivable(n, words));
      case QueryNode.Or or -> or.nodes().forEach(n -> forgivable(n, words));
      case null, default -> {}
    }
  }

  /** The box's top level: the items of a conjunction, or the one item. */
  private static List<QueryNode> top(QueryNode root) {
    return switch (root) {
      case null -> List.of();
      case QueryNode.And and -> and.nodes();
      default -> List.of(root);
    };
  }

  /** The plain words of the box's top level, cut as the text is. */
  private List<String> topWords(QueryNode root) {
    List<String> words = new ArrayList<>();
    for (QueryNode node : top(root)) {
      if (node instanceof QueryNode.Term term && isPlain(term)) {
        words.addAll(tokens(term.text()));
      }
    }
    return List.copyOf(words);
  }

  /** The box's other top-level items, required or excluded as typed. */
  private String rest(QueryNode root, SolrWordClauses words) {
    StringJoiner rest = new StringJoiner(" ");
    for (QueryNode node : top(root)) {
      if (node instanceof QueryNode.Term term && isPlain(term)) {
        continue;
      }
      boolean negated = node instanceof QueryNode.Not;
      String q =
          toQuery(
              negated ? ((QueryNode.Not) node).node() : node,
              negated ? asTyped : words,
              new ArrayList<>(),
              false);
      if (q != null) {
        rest.add((negated ? "-" : "+") + q);
      }
    }
    return rest.toString();
  }

  /**
   * @param textOnly leave out what does not match in the text (field terms, exclusions), for the
   *     highlighter
   */
  private String toQuery(
      QueryNode node, SolrWordClauses words, List<String> warnings, boolean textOnly) {
    return switch (node) {
      case QueryNode.Term term when isPlain(term) -> and(List.of(term), words, warnings, textOnly);
      case QueryNode.Term term when textOnly && term.field() != null -> null;
      case QueryNode.Phrase phrase when textOnly && phrase.field() != null -> null;
      case QueryNode.Not not when textOnly -> null;
      case QueryNode.Term term -> term(term, warnings);
      case QueryNode.Phrase phrase -> phrase(phrase, warnings);
      case QueryNode.Not not -> {
        String inner = toQuery(not.node(), asTyped, warnings, false);
        yield inner == null ? null : "(*:* -" + inner + ")";
      }
      case QueryNode.And and -> and(and.nodes(), words, warnings, textOnly);
      case QueryNode.Or or -> {
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        int clauses = 0;
        for (QueryNode branch : or.nodes()) {
          String q = toQuery(branch, words, warnings, textOnly);
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
  private String and(
      List<QueryNode> nodes, SolrWordClauses words, List<String> warnings, boolean textOnly) {
    List<String> clauses = new ArrayList<>();
    List<String> run = new ArrayList<>();
    int required = 0;
    for (QueryNode node : nodes) {
      if (node instanceof QueryNode.Term term && isPlain(term)) {
        List<String> written = tokens(term.text());
        if (written.isEmpty()) {
          warnings.add("ignored '" + term.text() + "': no searchable words");
        }
        for (String word : written) {
          SolrWordClauses.Clause clause = words.of(word);
          if (textOnly) {
            clauses.add("+" + clause.text());
          } else {
            clauses.add("+" + clause.any());
            if (clause.inexact()) {
              // Only a typo neighbour makes a match inexact: a review with the word ranks first.
              clauses.add(clause.exact() + "^=" + EXACT_TIER);
            }
          }
          required++;
          run.add(word);
        }
        continue;
      }
      addRun(clauses, run, words);
      boolean negated = node instanceof QueryNode.Not;
      String q =
          negated && textOnly
              ? null
              : toQuery(
                  negated ? ((QueryNode.Not) node).node() : node,
                  negated ? asTyped : words,
                  warnings,
                  textOnly);
      if (q != null) {
        clauses.add((negated ? "-" : "+") + q);
        required += negated ? 0 : 1;
      }
    }
    addRun(clauses, run, words);
    if (clauses.isEmpty()) {
      return null;
    }
    if (required == 0) {
      clauses.add("+*:*");
    }
    return "(" + String.join(" ", clauses) + ")";
  }

  /**
   * The run of words as one sloppy phrase, scored (optional), when it has two or more; and, as the
   * local index's phrase has each word's other forms at its position, the run with one word in
   * another form, up to {@link #RUN_VARIANTS} more phrases.
   */
  private static void addRun(List<String> clauses, List<String> run, SolrWordClauses words) {
    if (run.size() >= 2) {
      List<String> typed = List.copyOf(run.subList(0, Math.min(run.size(), RUN_WORDS)));
      List<List<String>> variants = new ArrayList<>(List.of(typed));
      for (int i = 0; i < typed.size() && variants.size() <= RUN_VARIANTS; i++) {
        for (String other : words.of(typed.get(i)).others()) {
          if (variants.size() > RUN_VARIANTS) {
            break;
          }
          List<String> variant = new ArrayList<>(typed);
          variant.set(i, other);
          variants.add(variant);
        }
      }
      for (List<String> variant : variants) {
        clauses.add(
            ReviewFields.TEXT
                + ":\""
                + ClientUtils.escapeQueryChars(String.join(" ", variant))
                + "\"~"
                + RUN_SLOP);
      }
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
