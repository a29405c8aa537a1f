package io.newsbrief.summary.summarizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The built-in story method on three outlets' reports of one event. */
class MultiDocumentSummarizerTest {

  private static final String WIRE =
      """
      LISBON (Reuters) - Portugal's parliament approved a plan on Tuesday to build a new airport \
      at Alcochete, ending five decades of debate over where to put it.

      The project is expected to cost about 8.5 billion euros and the first runway should open \
      in 2034, the infrastructure minister told lawmakers.

      Opposition parties said the cost estimate was too optimistic and questioned how it would \
      be financed.

      Photo: Getty Images

      Read more at https://example.com/airport-live
      """;

  private static final String BROADCASTER =
      """
      Portugal's parliament approved a plan on Tuesday to build a new airport at Alcochete, \
      ending five decades of debate.

      Environmental groups warned that the site borders a protected estuary that is home to \
      tens of thousands of migrating birds.

      The infrastructure minister said the first runway should open in 2034.
      """;

  private static final String LOCAL =
      """
      Residents of Alcochete gave a mixed welcome to the decision, with shop owners hoping for \
      new customers and farmers worried about losing their land.

      Lawmakers voted to build the new airport at Alcochete after five decades of debate, \
      parliament said.

      The town's mayor said he had not yet been told how many homes would be demolished.
      """;

  private static final List<ArticleContent> STORY =
      List.of(
          new ArticleContent("Portugal approves new Lisbon airport", WIRE, "en"),
          new ArticleContent("New airport gets the go-ahead", BROADCASTER, "en"),
          new ArticleContent("Alcochete reacts to airport vote", LOCAL, "en"));

  private final MultiDocumentSummarizer summarizer = new MultiDocumentSummarizer();

  @Test
  void everySentenceIsToldByEachSourceItCites() {
    StorySummary summary = summarizer.summarize(STORY);

    List<CitedSentence> sentences = summary.sentences().toList();
    assertThat(sentences).isNotEmpty();
    for (CitedSentence sentence : sentences) {
      assertThat(sentence.sources()).isNotEmpty().isSorted().doesNotHaveDuplicates();
      for (int source : sentence.sources()) {
        assertThat(bestOverlap(sentence.text(), STORY.get(source).text()))
            .as("source %d tells \"%s\" or a near-copy of it", source, sentence.text())
            .isGreaterThanOrEqualTo(0.4);
      }
    }
  }

  @Test
  void aFactToldByTwoOutletsAppearsOnceCitingBoth() {
    StorySummary summary = summarizer.summarize(STORY);

    List<CitedSentence> approval =
        summary.sentences().filter(s -> s.text().contains("approved a plan")).toList();
    assertThat(approval).hasSize(1);
    assertThat(approval.get(0).sources()).contains(0, 1);
  }

  @Test
  void whatSeveralOutletsAgreeOnLeads() {
    StorySummary summary = summarizer.summarize(STORY);

    assertThat(summary.lead().get(0).text()).contains("approved a plan");
    assertThat(summary.method()).isEqualTo(MultiDocumentSummarizer.METHOD);
  }

  @Test
  void scraperJunkNeverAppears() {
    String all = summary(summarizer.summarize(STORY)).toLowerCase(Locale.ROOT);

    assertThat(all).doesNotContain("getty", "http", "read more", "(reuters)");
  }

  @Test
  void longerInputMakesALongerBriefWithHeadedSections() {
    StorySummary short3 = summarizer.summarize(STORY);
    List<ArticleContent> longer =
        STORY.stream()
            .map(
                a ->
                    new ArticleContent(
                        a.title(),
                        a.text()
                            + "\n\nAirlines said a larger airport would let them add routes to"
                            + " Brazil, Angola and the United States within a decade.\n\nThe"
                            + " current airport handled a record 33 million passengers last year,"
                            + " well above the number it was built for.\n\nConstruction companies"
                            + " from Spain, France and Portugal are expected to bid for the"
                            + " first contracts next spring.",
                        a.language()))
            .toList();
    StorySummary longer3 = summarizer.summarize(longer);

    assertThat(words(summary(longer3))).isGreaterThan(words(summary(short3)));
    assertThat(longer3.sections()).isNotEmpty();
    assertThat(longer3.sections())
        .allSatisfy(
            section -> {
              assertThat(section.heading()).isNotBlank();
              assertThat(section.sentences()).isNotEmpty();
            });
  }

  @Test
  void theSameStoryAlwaysGivesTheSameBrief() {
    assertThat(summarizer.summarize(STORY)).isEqualTo(summarizer.summarize(STORY));
  }

  private static String summary(StorySummary summary) {
    return summary.sentences().map(CitedSentence::text).collect(Collectors.joining("\n"));
  }

  private static int words(String text) {
    return text.split("\\s+").length;
  }

  /** The largest share of the sentence's words that one sentence of the text has. */
  private static double bestOverlap(String sentence, String text) {
    Set<String> words = wordsOf(sentence);
    return SentenceSplitter.split(text).stream()
        .mapToDouble(
            candidate -> {
              Set<String> shared = new HashSet<>(wordsOf(candidate));
              shared.retainAll(words);
              return shared.size() / (double) words.size();
            })
        .max()
        .orElse(0);
  }

  private static Set<String> wordsOf(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .collect(Collectors.toSet());
  }
}
