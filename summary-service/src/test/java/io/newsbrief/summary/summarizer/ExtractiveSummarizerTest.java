package io.newsbrief.summary.summarizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsbrief.summary.grpc.SummaryGrpcServiceTestData;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

  private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

  @Test
  void leadIsTheOpeningSentencesAndSectionsFollowInOrder() {
    Summary summary =
        summarizer.summarize(new ArticleContent("Talks", SummaryGrpcServiceTestData.STORY, "en"));

    assertThat(summary.method()).isEqualTo("extractive-v1");
    assertThat(summary.lead())
        .isEqualTo(
            "Delegates from both countries met in Geneva on Monday. The talks were the first in two"
                + " years. Officials described the mood as cautious but constructive.");
    assertThat(summary.sections()).hasSizeBetween(2, 3);
    assertThat(summary.sections().get(0).paragraphs().get(0))
        .startsWith("The negotiators focused on the border");
    assertThat(summary.sections()).extracting(Section::heading).doesNotHaveDuplicates();
    assertThat(summary.sections())
        .allSatisfy(
            section -> {
              assertThat(section.heading().split(" ")).hasSizeBetween(1, 6);
              assertThat(section.heading()).matches("(\\p{Lu}\\S*)( \\p{Lu}\\S*)*");
              assertThat(section.paragraphs()).hasSizeBetween(1, 3);
            });
  }

  @Test
  void shortArticlesGetALeadOnly() {
    Summary summary =
        summarizer.summarize(
            new ArticleContent("Short", "One. Two. Three. Four.\n\nFive. Six.", "en"));
    assertThat(summary.lead()).isEqualTo("One. Two. Three.");
    assertThat(summary.sections()).isEmpty();
  }

  @Test
  void isDeterministicAndRefusesEmptyText() {
    var article = new ArticleContent("Talks", SummaryGrpcServiceTestData.STORY, "en");
    assertThat(summarizer.summarize(article)).isEqualTo(summarizer.summarize(article));
    assertThatThrownBy(() -> summarizer.summarize(new ArticleContent("t", "  \n\n ", "en")))
        .isInstanceOf(SummarizerException.class);
  }
}
