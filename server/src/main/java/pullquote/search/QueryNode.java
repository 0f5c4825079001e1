package pullquote.search;

import java.util.List;

/** The search-box syntax as a tree, before it meets the index. */
public sealed interface QueryNode {

  /**
   * A word, or a word prefix ({@code opt*}).
   *
   * @param field the box field ({@code critic}, {@code work}, ...), or null for the review text
   */
  record Term(String field, String text, boolean prefix) implements QueryNode {}

  /** An exact phrase, {@code "..."}, with optional slop ({@code "..."~2}). */
  record Phrase(String field, String text, int slop) implements QueryNode {}

  /** {@code -x}: x must not match. */
  record Not(QueryNode node) implements QueryNode {}

  /** All must match; the default between words. */
  record And(List<QueryNode> nodes) implements QueryNode {}

  /** Any may match. */
  record Or(List<QueryNode> nodes) implements QueryNode {}
}
