package pullquote.search;

import java.util.Map;

/**
 * A critic offered for a typed prefix, with their review count and sentiment mix.
 *
 * @param sentiment review counts by class
 */
public record CriticSuggestion(String name, long reviews, Map<String, Long> sentiment) {}
