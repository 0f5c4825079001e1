package pullquote.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewSchemaTest {

  @Test
  void everyFieldIsNamedOnce() {
    List<String> names = ReviewSchema.FIELDS.stream().map(ReviewSchema.Field::name).toList();
    assertThat(names).doesNotHaveDuplicates().contains(ReviewFields.ID, ReviewFields.TEXT);
  }

  @Test
  void theSearchFacetsAreTheSentimentTheNamesTheScoreAndTheYear() {
    assertThat(ReviewSchema.searchFacets())
        .extracting(ReviewSchema.Field::name)
        .containsExactly("sentiment", "critic", "publication", "work", "score", "year");
    assertThat(ReviewSchema.searchFacets())
        .filteredOn(ReviewSchema::countsEveryValue)
        .extracting(ReviewSchema.Field::name)
        .containsExactly("sentiment", "score", "year");
    assertThat(ReviewFields.FACET_DIMENSIONS)
        .containsExactly("sentiment", "critic", "publication", "work", "sentiment_source");
  }

  @Test
  void namesDeriveTheirExactAndWordsFields() {
    ReviewSchema.Field critic = ReviewSchema.field("critic");
    assertThat(critic.exactField()).isEqualTo(ReviewFields.CRITIC_EXACT);
    assertThat(critic.wordsField()).isEqualTo(ReviewFields.CRITIC_WORDS);
    assertThat(ReviewFields.NAME_WORDS)
        .containsExactly(
            ReviewFields.CRITIC_WORDS, ReviewFields.PUBLICATION_WORDS, ReviewFields.WORK_WORDS);
    assertThatThrownBy(() -> ReviewSchema.field("score").exactField())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theApiFiltersAndSortKeysComeFromTheTable() {
    assertThat(ReviewSchema.filterParameters())
        .containsExactlyInAnyOrder(
            "sentiment", "critic", "publication", "work", "min_score", "max_score", "from", "to");
    assertThat(ReviewSchema.bySortKey("date")).map(ReviewSchema.Field::name).contains("date");
    assertThat(ReviewSchema.bySortKey("score")).map(ReviewSchema.Field::name).contains("score");
    assertThat(ReviewSchema.bySortKey("critic")).isEmpty();
    assertThat(ReviewSchema.byBoxPrefix("work"))
        .map(ReviewSchema.Field::kind)
        .contains(ReviewSchema.Kind.NAME);
  }

  @Test
  void solrNamesAreTheFieldNamesExceptWhereSolrReservesOne() {
    assertThat(ReviewSchema.field("score").solrName()).isEqualTo("review_score");
    assertThat(ReviewSchema.field("critic").solrName()).isEqualTo("critic");
  }

  @Test
  void aRangeNeedsTwoBoundsAndOnlyStoredTextHoldsSeveralValues() {
    assertThatThrownBy(
            () ->
                new ReviewSchema.Field(
                    "x",
                    ReviewSchema.Kind.INT,
                    ReviewSchema.Facet.NONE,
                    false,
                    null,
                    List.of("min_x"),
                    null,
                    r -> null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ReviewSchema.Field(
                    "x",
                    ReviewSchema.Kind.LABEL,
                    ReviewSchema.Facet.NONE,
                    true,
                    null,
                    List.of(),
                    null,
                    r -> null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
