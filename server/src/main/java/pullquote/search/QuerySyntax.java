package pullquote.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import pullquote.index.ReviewSchema;

/**
 * Parses the search-box syntax: words (all must match), {@code "exact phrases"}, {@code
 * "phrase"~N}, {@code -word} and {@code -"phrase"}, {@code OR}, parentheses, {@code word*}, and
 * {@code critic:}, {@code publication:}, {@code work:}, {@code sentiment:} field terms. It never
 * fails: an unclosed quote or parenthesis, a stray operator, are recovered, and a warning says what
 * was done.
 */
public final class QuerySyntax {

  public static final Set<String> FIELDS =
      ReviewSchema.FIELDS.stream()
          .map(ReviewSchema.Field::boxPrefix)
          .filter(java.util.Objects::nonNull)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final int MAX_SLOP = 100;

  /** Words and phrases past this many are dropped: each is a clause, and Lucene caps clauses. */
  public static final int MAX_TERMS = 256;

  /** Parentheses nested deeper than this are ignored, so no query can exhaust the stack. */
  public static final int MAX_DEPTH = 32;

  /** The parsed tree (null when the query has nothing to match on) and the recovery warnings. */
  public record Parsed(QueryNode root, List<String> warnings) {}

  private enum Kind {
    WORD,
    PHRASE,
    FIELD,
    NOT,
    OR,
    AND,
    OPEN,
    CLOSE,
    END
  }

  private static final String TOO_DEEP =
      "ignored parentheses nested deeper than " + MAX_DEPTH + " levels";

  private record Token(Kind kind, String text, int slop) {}

  private final List<Token> tokens = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private int next;
  private int depth;
  private int terms;

  private QuerySyntax() {}

  public static Parsed parse(String query) {
    QuerySyntax parser = new QuerySyntax();
    parser.tokenize(query == null ? "" : query);
    QueryNode root = parser.parseTop();
    return new Parsed(root, List.copyOf(new java.util.LinkedHashSet<>(parser.warnings)));
  }

  // ---- tokens

  private void tokenize(String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(') {
        tokens.add(new Token(Kind.OPEN, "(", 0));
        i++;
      } else if (c == ')') {
        tokens.add(new Token(Kind.CLOSE, ")", 0));
        i++;
      } else if (c == '"' || c == '\u201C' || c == '\u201D') {
        i = phrase(s, i + 1);
      } else if (c == '-' || c == '+') {
        if (i + 1 < s.length() && startsOperand(s.charAt(i + 1))) {
          if (c == '-') {
            tokens.add(new Token(Kind.NOT, "-", 0));
          }
        } else {
          warnings.add("ignored a " + c + " with nothing after it");
        }
        i++;
      } else {
        i = word(s, i);
      }
    }
    tokens.add(new Token(Kind.END, "", 0));
  }

  /** Adds a word or phrase token unless the query already has as many as it may. */
  private void addTerm(Token token) {
    if (++terms == MAX_TERMS + 1) {
      warnings.add("used the first " + MAX_TERMS + " words and phrases; ignored the rest");
    }
    if (terms <= MAX_TERMS) {
      tokens.add(token);
    }
  }

  private static boolean startsOperand(char c) {
    return !Character.isWhitespace(c) && c != ')' && c != '-' && c != '+';
  }

  private int phrase(String s, int start) {
    int end = start;
    while (end < s.length() && !isQuote(s.charAt(end))) {
      end++;
    }
    String text = s.substring(start, end);
    int i = end;
    if (end >= s.length()) {
      warnings.add("closed the unclosed quote after \"" + text.strip() + "\"");
    } else {
      i++;
    }
    int slop = 0;
    if (i < s.length() && s.charAt(i) == '~') {
      int digits = i + 1;
      while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
        digits++;
      }
      if (digits == i + 1) {
        warnings.add("ignored a ~ with no number after \"" + text.strip() + "\"");
      } else {
        String number = s.substring(i + 1, digits);
        slop = number.length() > 3 ? MAX_SLOP : Math.min(Integer.parseInt(number), MAX_SLOP);
      }
      i = digits;
    }
    addTerm(new Token(Kind.PHRASE, text, slop));
    return i;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\u201C' || c == '\u201D';
  }

  private int word(String s, int start) {
    int end = start;
    while (end < s.length()) {
      char c = s.charAt(end);
      if (Character.isWhitespace(c) || c == '(' || c == ')' || isQuote(c)) {
        break;
      }
      end++;
    }
    String word = s.substring(start, end);
    int colon = word.indexOf(':');
    if (colon > 0 && FIELDS.contains(word.substring(0, colon).toLowerCase(java.util.Locale.ROOT))) {
      tokens.add(
          new Token(Kind.FIELD, word.substring(0, colon).toLowerCase(java.util.Locale.ROOT), 0));
      String value = word.substring(colon + 1);
      if (!value.isEmpty()) {
        addTerm(new Token(Kind.WORD, value, 0));
      }
      return end;
    }
    Kind kind =
        switch (word) {
          case "OR", "||" -> Kind.OR;
          case "AND", "&&" -> Kind.AND;
          case "NOT" -> Kind.NOT;
          default -> Kind.WORD;
        };
    if (kind == Kind.WORD) {
      addTerm(new Token(kind, word, 0));
    } else {
      tokens.add(new Token(kind, word, 0));
    }
    return end;
  }

  // ---- grammar

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    return tokens.get(next++);
  }

  private QueryNode parseTop() {
    List<QueryNode> parts = new ArrayList<>();
    while (true) {
      QueryNode part = parseOr();
      if (part != null) {
        parts.add(part);
      }
      if (peek().kind() == Kind.CLOSE) {
        take();
        warnings.add("ignored an unmatched )");
      } else {
        break;
      }
    }
    return combine(parts, true);
  }

  private QueryNode parseOr() {
    List<QueryNode> branches = new ArrayList<>();
    QueryNode first = parseAnd();
    if (first != null) {
      branches.add(first);
    }
    while (peek().kind() == Kind.OR) {
      take();
      QueryNode branch = parseAnd();
      if (branch == null || branches.isEmpty()) {
        warnings.add("ignored an OR with nothing on one side");
      }
      if (branch != null) {
        branches.add(branch);
      }
    }
    return combine(branches, false);
  }

  private QueryNode parseAnd() {
    List<QueryNode> items = new ArrayList<>();
    while (true) {
      Kind kind = peek().kind();
      if (kind == Kind.END || kind == Kind.CLOSE || kind == Kind.OR) {
        break;
      }
      if (kind == Kind.AND) {
        take();
        continue;
      }
      QueryNode item = parseUnary();
      if (item != null) {
        items.add(item);
      }
    }
    return combine(items, true);
  }

  /** A run of negations is folded without recursion: "NOT NOT x" is x. */
  private QueryNode parseUnary() {
    int negations = 0;
    while (peek().kind() == Kind.NOT) {
      take();
      negations++;
    }
    Kind kind = peek().kind();
    if (negations > 0
        && (kind == Kind.END || kind == Kind.CLOSE || kind == Kind.OR || kind == Kind.AND)) {
      warnings.add("ignored a - or NOT with nothing after it");
      return null;
    }
    QueryNode inner = parsePrimary();
    return inner == null || negations % 2 == 0 ? inner : new QueryNode.Not(inner);
  }

  private QueryNode parsePrimary() {
    Token token = take();
    switch (token.kind()) {
      case OPEN -> {
        if (depth >= MAX_DEPTH) {
          if (!warnings.contains(TOO_DEEP)) {
            warnings.add(TOO_DEEP);
          }
          return null;
        }
        depth++;
        QueryNode inner = parseOr();
        depth--;
        if (peek().kind() == Kind.CLOSE) {
          take();
        } else {
          warnings.add("closed an unclosed (");
        }
        return inner;
      }
      case FIELD -> {
        return fieldValue(token.text());
      }
      case PHRASE -> {
        return token.text().isBlank()
            ? null
            : new QueryNode.Phrase(null, token.text(), token.slop());
      }
      case WORD -> {
        return term(null, token.text());
      }
      default -> {
        return null;
      }
    }
  }

  private QueryNode fieldValue(String field) {
    Token value = peek();
    if (value.kind() == Kind.PHRASE && !value.text().isBlank()) {
      take();
      return new QueryNode.Phrase(field, value.text(), value.slop());
    }
    if (value.kind() == Kind.WORD) {
      take();
      return term(field, value.text());
    }
    warnings.add("ignored " + field + ": with no value after it");
    return null;
  }

  private static QueryNode term(String field, String text) {
    boolean prefix = text.length() > 1 && text.endsWith("*");
    String stripped = prefix ? text.substring(0, text.length() - 1) : text;
    return new QueryNode.Term(field, stripped, prefix);
  }

  private static QueryNode combine(List<QueryNode> nodes, boolean and) {
    if (nodes.isEmpty()) {
      return null;
    }
    if (nodes.size() == 1) {
      return nodes.get(0);
    }
    return and ? new QueryNode.And(List.copyOf(nodes)) : new QueryNode.Or(List.copyOf(nodes));
  }
}
