package pullquote.search;

/**
 * What a health check needs of the served index: how many reviews it holds and which generation it
 * is, both known without reading a review.
 */
public record IndexHealth(long reviews, String generation) {
  public IndexHealth {
    if (reviews < 0) {
      throw new IllegalArgumentException("reviews must not be negative: " + reviews);
    }
    if (generation == null || generation.isBlank()) {
      throw new IllegalArgumentException("generation must be named");
    }
  }
}
