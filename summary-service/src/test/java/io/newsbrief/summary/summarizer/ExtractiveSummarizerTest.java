package io.newsbrief.summary.summarizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.summary.grpc.SummaryGrpcServiceTestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

  static final String THREE_TOPICS =
      """
      GENEVA — Delegates from both countries met in Geneva on Monday to restart border talks. \
      The talks were the first in two years. Officials described the mood as cautious.

      The border dispute dates back to 1962, when maps of the valley were first drawn. \
      Both border commissions brought their maps of the valley to the table. \
      Surveyors will walk the disputed valley border in spring. \
      The valley maps will be compared line by line.

      Grain exports were the second subject. Farmers say grain exports have fallen by a third. \
      A grain export deal would reopen the river ports. \
      Exporters expect the grain deal within weeks.

      Human rights groups protested outside the venue. The protesters demanded the release of \
      detained journalists. Police said the protest stayed peaceful. \
      The protest groups plan another rally in March.""";

  private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  @Test
  void leadIsTheBestSentencesInArticleOrderWithoutTheDateline() {
    Summary summary = summarizer.summarize(new ArticleContent("Border talks", THREE_TOPICS, "en"));

    assertThat(summary.method()).isEqualTo("extractive-v2");
    assertThat(summary.lead()).startsWith("Delegates from both countries met in Geneva");
    List<String> lead = List.of(summary.lead().split("(?<=\\.) "));
    assertThat(lead).hasSize(3);
    assertThat(lead).allSatisfy(sentence -> assertThat(flat(THREE_TOPICS)).contains(sentence));
    assertThat(lead)
        .isSortedAccordingTo(
            (a, b) ->
                Integer.compare(flat(THREE_TOPICS).indexOf(a), flat(THREE_TOPICS).indexOf(b)));
  }

  @Test
  void noPageTextReachesABrief() {
    String article =
        SentenceSplitterTest.RUN_TOGETHER_PAGE
            + "\n\n"
            + SentenceSplitterTest.PAGE_WITH_LINES
            + "\n\n"
            + THREE_TOPICS;

    Summary summary = new ExtractiveSummarizer().summarize(new ArticleContent("T", article, "en"));

    assertThat(summary.sentences())
        .isNotEmpty()
        .noneMatch(
            s ->
                s.matches(
                    "(?is).*(published:|updated|scroll down|pictured|warning:|watch a report|e-mail"
                        + " to|follow @|copyright|reserved|read more|click here|photo:|telford"
                        + " central|by daily mail|».*)"));
  }

  @Test
  void sectionsFollowTheArticlesTopicsInOrderWithTheirOwnSentences() {
    Summary summary = summarizer.summarize(new ArticleContent("Border talks", THREE_TOPICS, "en"));

    assertThat(summary.sections()).hasSizeBetween(2, 4);
    List<String> bodies =
        summary.sections().stream().map(s -> String.join(" ", s.paragraphs())).toList();
    assertThat(bodies.get(0)).containsIgnoringCase("valley");
    assertThat(bodies.get(bodies.size() - 1)).containsIgnoringCase("protest");
    assertThat(String.join(" ", bodies)).containsIgnoringCase("grain");
    int previous = -1;
    for (Section section : summary.sections()) {
      assertThat(section.paragraphs()).hasSizeBetween(1, 3);
      for (String paragraph : section.paragraphs()) {
        for (String sentence : paragraph.split("(?<=\\.) ")) {
          int at = flat(THREE_TOPICS).indexOf(sentence);
          assertThat(at)
              .as("taken from the article, in order: %s", sentence)
              .isGreaterThan(previous);
          assertThat(summary.lead()).doesNotContain(sentence);
          previous = at;
        }
      }
    }
  }

  @Test
  void headingsAreShortTitleCaseKeyPhrasesNeverSentencesNeverRepeated() {
    Summary summary = summarizer.summarize(new ArticleContent("Border talks", THREE_TOPICS, "en"));

    List<String> headings = summary.sections().stream().map(Section::heading).toList();
    assertThat(headings).doesNotHaveDuplicates();
    assertThat(headings)
        .allSatisfy(
            heading -> {
              assertThat(heading.split(" ")).hasSizeBetween(2, 6);
              assertThat(heading).matches("\\p{Lu}\\S*( \\p{Lu}\\S*)+");
              assertThat(flat(THREE_TOPICS)).doesNotContain(heading + ".");
            });
    assertThat(String.join(" | ", headings)).containsIgnoringCase("grain");
  }

  @Test
  void headingsAreNounPhrasesAndKeepNamesAsWritten() {
    List<List<Sentence>> topics = new ArrayList<>();
    topics.add(sentences("The NATO summit opened. NATO leaders spoke at the summit."));
    topics.add(sentences("Rain fell. Wind rose. Rain and wind closed roads."));
    // "quickly approved" and "approved quickly" score high but are no noun phrase.
    topics.add(
        sentences(
            "Lawmakers quickly approved the bill. The bill was approved quickly. The budget bill"
                + " passed."));
    Headings headings = new Headings(topics);

    assertThat(headings.heading(0)).isEqualTo("NATO Summit");
    String weather = headings.heading(1);
    assertThat(weather).doesNotContain(" and ");
    assertThat(PartsOfSpeech.isNounPhrase(List.of(weather.split(" ")))).isTrue();
    assertThat(headings.heading(2)).isIn("Budget Bill", "Bill", "Lawmakers");
  }

  @Test
  void nounPhrasesEndInANounAfterModifiers() {
    assertThat(PartsOfSpeech.isNounPhrase(List.of("Border", "Dispute"))).isTrue();
    assertThat(PartsOfSpeech.isNounPhrase(List.of("rising", "prices"))).isTrue();
    assertThat(PartsOfSpeech.isNounPhrase(List.of("Zyxland", "Summit"))).isTrue();
    assertThat(PartsOfSpeech.isNounPhrase(List.of("quickly", "approved"))).isFalse();
    assertThat(PartsOfSpeech.isNounPhrase(List.of("feet", "long"))).isFalse();
    assertThat(PartsOfSpeech.isNounPhrase(List.of())).isFalse();
  }

  @Test
  void topicsAreCutWhereTheVocabularyChanges() {
    List<Sentence> sentences =
        sentences(
            "The valley border is disputed. Valley maps differ. Border surveyors walk the valley."
                + " Grain exports fell. Grain farmers protest. Grain ports are closed.");
    List<List<Sentence>> topics = TopicSegmenter.segments(sentences, 2);

    assertThat(topics).hasSize(2);
    assertThat(topics.get(0)).extracting(Sentence::text).allMatch(t -> !t.contains("Grain"));
    assertThat(topics.get(1)).extracting(Sentence::text).allMatch(t -> t.contains("Grain"));
    assertThat(TopicSegmenter.segments(sentences, 1)).containsExactly(sentences);
  }

  @Test
  void lengthsAreConfigurable() {
    var short2 = new ExtractiveSummarizer(new ExtractiveSummarizer.Lengths(2, 2, 1, 2));
    Summary summary = short2.summarize(new ArticleContent("Border talks", THREE_TOPICS, "en"));

    assertThat(summary.lead().split("(?<=\\.) ")).hasSize(2);
    assertThat(summary.sections()).hasSizeBetween(1, 2);
    assertThat(summary.sections()).allSatisfy(s -> assertThat(s.paragraphs()).hasSize(1));
  }

  @Test
  void shortArticlesGetALeadOnly() {
    Summary summary =
        summarizer.summarize(
            new ArticleContent(
                "Short", "One here. Two here. Three here. Four.\n\nFive. Six.", "en"));
    assertThat(summary.lead().split("(?<=\\.) ")).hasSize(3);
    assertThat(summary.sections()).isEmpty();
  }

  @Test
  void isDeterministicAndRefusesEmptyText() {
    var article = new ArticleContent("Talks", SummaryGrpcServiceTestData.STORY, "en");
    assertThat(summarizer.summarize(article)).isEqualTo(summarizer.summarize(article));
    assertThatThrownBy(() -> summarizer.summarize(new ArticleContent("t", "  \n\n ", "en")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("text");
  }

  private static List<Sentence> sentences(String text) {
    return Sentence.ofArticle(text);
  }
}
