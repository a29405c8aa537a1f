package io.newsbrief.article.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinHashTest {

  private static final String STORY =
      "Rail strike called off after overnight talks. A national rail strike planned for Monday has"
          + " been called off after the drivers' union and the train operators reached an agreement"
          + " in talks that ran through the night, both sides said on Wednesday morning. The deal"
          + " gives drivers a pay rise of four and a half percent this year.";
  private static final String EDITED =
      "Monday rail strike called off after overnight talks. A national rail strike planned for"
          + " Monday has been called off after the drivers' union and train operators reached an"
          + " agreement in talks that ran through the night, both sides said on Wednesday. The deal"
          + " gives drivers a pay rise of four and a half percent this year.";
  private static final String OTHER =
      "Museum returns carved panels to the village they came from. The national museum has"
          + " returned three carved wooden panels to the mountain village church they were taken"
          + " from more than a century ago.";

  @Test
  void anEditedCopyIsSimilarAndAnotherStoryIsNot() {
    int[] story = MinHash.signature(STORY);
    assertThat(MinHash.similarity(story, MinHash.signature(EDITED))).isGreaterThan(0.5);
    assertThat(MinHash.similarity(story, MinHash.signature(OTHER))).isLessThan(0.1);
    assertThat(MinHash.similarity(story, MinHash.signature(STORY.toUpperCase()))).isEqualTo(1.0);
  }

  @Test
  void signaturesAndBandsAreStableAcrossRuns() {
    // Stored in the database: a change here would split every stored story from new articles.
    int[] signature = MinHash.signature("one two three four");
    assertThat(signature)
        .hasSize(MinHash.SIZE)
        .isEqualTo(MinHash.signature("One, two; three four"));
    assertThat(signature[0]).isEqualTo(98632205);
    assertThat(signature[MinHash.SIZE - 1]).isEqualTo(1364448375);
    assertThat(MinHash.bands(signature)).hasSize(MinHash.BANDS);
    assertThat(MinHash.bands(signature)[0]).isEqualTo(5668969326114999878L);
  }
}
