package pullquote.bench;

import java.util.List;

/** A review as the relevance benchmark compares them: its id and its text. */
public record Hit(String id, String text) {

  public Hit {
    if (id == null || text == null) {
      throw new IllegalArgumentException("a hit needs an id and a text");
    }
  }

  /**
   * True when the other is this review: the same id, or the same text (the corpus holds one review
   * in several source collections, under other ids).
   */
  public boolean isSameReview(Hit other) {
    return id.equals(other.id) || text.equals(other.text);
  }

  /**
   * Where this review stands in a ranked list, from 1; null when it is not there.
   *
   * @param ranked hits best first
   */
  public Integer rankIn(List<Hit> ranked) {
    for (int i = 0; i < ranked.size(); i++) {
      if (isSameReview(ranked.get(i))) {
        return i + 1;
      }
    }
    return null;
  }
}
