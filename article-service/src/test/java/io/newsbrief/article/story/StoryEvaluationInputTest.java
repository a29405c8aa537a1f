package io.newsbrief.article.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation command reads the dates other collections write, and says where one is wrong. */
class StoryEvaluationInputTest {

  @Test
  void daysAndTimestampsInTheFormsCollectionsWriteThem() {
    assertThat(StoryEvaluation.published("2021-04-22")).isEqualTo("2021-04-22T00:00:00Z");
    assertThat(StoryEvaluation.published("2021-04-22T09:30:00Z")).isEqualTo("2021-04-22T09:30:00Z");
    assertThat(StoryEvaluation.published("2021-04-22T11:30:00+02:00"))
        .isEqualTo("2021-04-22T09:30:00Z");
    assertThat(StoryEvaluation.published("2021-04-22T09:30:00")).isEqualTo("2021-04-22T09:30:00Z");
    assertThat(StoryEvaluation.published("2021-04-22 09:30")).isEqualTo("2021-04-22T09:30:00Z");
    assertThat(StoryEvaluation.published("Thu, 22 Apr 2021 09:30:00 GMT"))
        .isEqualTo(Instant.parse("2021-04-22T09:30:00Z"));
  }

  @Test
  void aLineWithoutAReadableDateIsNamed(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("clusters.jsonl"),
            """
            {"id": "a", "title": "T", "text": "x", "published": "2021-04-22", "cluster": "1"}
            {"id": "b", "title": "T", "text": "x", "published": "April 22nd", "cluster": "1"}
            """);

    assertThatThrownBy(() -> StoryEvaluation.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("April 22nd");
  }
}
