package io.newsbrief.summary.summarizer;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsbrief.summary.service.BriefService;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LLM briefs through the faithfulness gate, the LLM a local fake: what it invents is dropped or
 * sends the brief back to the built-in method, saying why; what the article says stays.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(FakeLlmServer.class)
class FaithfulnessGateTest {

  private static final String SUPPORTED_LEAD =
      "Springfield's city council approved a $4.2 million budget on Tuesday after six hours of"
          + " debate. Mayor Ellen Park said it would fund two new libraries and road repairs.";

  WireMockServer llm;

  @Inject BriefService briefs;
  @Inject Summarizers summarizers;
  @Inject MeterRegistry registry;
  @Inject ObjectMapper json;

  @BeforeEach
  void reset() {
    llm.resetAll();
  }

  private void answer(Object brief) throws Exception {
    String content = json.writeValueAsString(brief);
    llm.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                okJson(
                    json.writeValueAsString(
                        Map.of(
                            "choices",
                            List.of(
                                Map.of(
                                    "message",
                                    Map.of("role", "assistant", "content", content))))))));
  }

  private static Map<String, Object> brief(String lead, String... paragraphs) {
    return Map.of(
        "title",
        "Budget Approved",
        "lead",
        lead,
        "sections",
        List.of(Map.of("heading", "The Vote", "paragraphs", List.of(paragraphs))));
  }

  private Summary summarize() {
    return briefs.summarize("Council passes budget", SourceSupportTest.ARTICLE, "en", "llm");
  }

  private double gateCount(String outcome, String subject) {
    var counter =
        registry
            .find("newsbrief.briefs.faithfulness.gate")
            .tags("outcome", outcome, "subject", subject)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aFaithfulParaphrasePassesWhole() throws Exception {
    answer(
        brief(
            SUPPORTED_LEAD,
            "Council member David Ruiz voted against the plan, saying it raised property taxes"
                + " too sharply."));
    double passed = gateCount("passed", "article");

    Summary summary = summarize();

    assertThat(summary.method()).isEqualTo("llm:" + FakeLlmServer.MODEL);
    assertThat(summary.fallbackReason()).isNull();
    assertThat(summary.lead()).isEqualTo(SUPPORTED_LEAD);
    assertThat(summary.sections()).hasSize(1);
    assertThat(summary.faithfulness()).isBetween(0.35, 1.0);
    assertThat(gateCount("passed", "article")).isEqualTo(passed + 1);
  }

  @Test
  void anInventedSentenceOutsideTheLeadIsDropped() throws Exception {
    answer(
        brief(
            SUPPORTED_LEAD,
            "Council member David Ruiz voted against the plan.",
            "Governor Mark Lee called the budget a model for the whole state.",
            "The budget takes effect on July 1."));
    double trimmed = gateCount("trimmed", "article");

    Summary summary = summarize();

    assertThat(summary.method()).isEqualTo("llm:" + FakeLlmServer.MODEL);
    assertThat(summary.sections().get(0).paragraphs())
        .containsExactly(
            "Council member David Ruiz voted against the plan.",
            "The budget takes effect on July 1.");
    assertThat(gateCount("trimmed", "article")).isEqualTo(trimmed + 1);
  }

  @Test
  void aLeadThatInventsAPersonFallsBackAndSaysWhy() throws Exception {
    answer(
        brief(
            "The council approved the budget on Tuesday. Governor Mark Lee praised the vote.",
            "The budget takes effect on July 1."));
    assertFallback("llm unfaithful: 1 of 2 lead sentences not supported by the article");
  }

  @Test
  void aLeadThatInventsANumberFallsBack() throws Exception {
    answer(brief("The council approved a budget of $9 million.", "Mayor Ellen Park spoke."));
    assertFallback("llm unfaithful: 1 of 1 lead sentences not supported by the article");
  }

  @Test
  void aLeadThatReversesTheArticleFallsBack() throws Exception {
    answer(
        brief(
            "The city council of Springfield did not approve the new budget on Tuesday.",
            "Mayor Ellen Park spoke."));
    assertFallback("llm unfaithful: 1 of 1 lead sentences not supported by the article");
  }

  @Test
  void aBriefThatLosesTooMuchFallsBack() throws Exception {
    answer(
        brief(
            SUPPORTED_LEAD,
            "Officials expect a second vote next spring.",
            "Protesters blocked the town hall entrance for an hour.",
            "Governor Mark Lee backed the plan.",
            "Schools will receive 300 new laptops."));
    assertFallback("llm unfaithful: 4 of 6 sentences not supported by the article");
  }

  @Test
  void whatTheFakeModelMadeUpIsNeverPublished() throws Exception {
    answer(brief("A lead written by the fake model.", "A paragraph written by the fake model."));
    double rejected = gateCount("rejected", "article");

    assertFallback("llm unfaithful: 1 of 1 lead sentences not supported by the article");
    assertThat(gateCount("rejected", "article")).isEqualTo(rejected + 1);
  }

  @Test
  void builtInBriefsScoreAboutOne() {
    Summary summary =
        briefs.summarize("Council passes budget", SourceSupportTest.ARTICLE, "en", "extractive");

    assertThat(summary.method()).isEqualTo(ExtractiveSummarizer.METHOD);
    assertThat(summary.faithfulness()).isGreaterThanOrEqualTo(0.95);
  }

  private static final List<ArticleContent> STORY =
      List.of(
          new ArticleContent(
              "Council passes budget", SourceSupportTest.ARTICLE.split("\n\n")[0], "en"),
          new ArticleContent(
              "Budget vote divides Springfield",
              "Council member David Ruiz voted against the plan, arguing that it raised property"
                  + " taxes too sharply. Residents who attended the meeting were divided.",
              "en"));

  private static Map<String, Object> sentence(String text, int... sources) {
    return Map.of("text", text, "sources", sources);
  }

  @Test
  void storySentencesAreCheckedAgainstTheSourcesTheyCite() throws Exception {
    String ruiz = "David Ruiz voted against the plan over property taxes.";
    answer(
        Map.of(
            "title",
            "Budget Approved",
            "lead",
            List.of(
                sentence("Springfield's council approved a $4.2 million budget on Tuesday.", 1),
                sentence(ruiz, 2)),
            "sections",
            List.of(
                Map.of(
                    "heading",
                    "Divided Residents",
                    "sentences",
                    List.of(
                        sentence("Residents who attended the meeting were divided.", 2),
                        sentence("Mayor Ellen Park said the budget funds two libraries.", 2))))));

    StorySummary summary = summarizers.summarizeStory("llm", STORY);

    assertThat(summary.fallbackReason()).isNull();
    assertThat(summary.lead()).extracting(CitedSentence::text).hasSize(2);
    // The mayor is in the first report only: cited to the second, the sentence goes.
    assertThat(summary.sections().get(0).sentences())
        .extracting(CitedSentence::text)
        .containsExactly("Residents who attended the meeting were divided.");
    assertThat(summary.faithfulness()).isBetween(0.35, 1.0);

    llm.resetAll();
    answer(
        Map.of(
            "title",
            "Budget Approved",
            "lead",
            List.of(sentence(ruiz, 1), sentence("The budget takes effect on July 1.", 2))));

    StorySummary fellBack = summarizers.summarizeStory("llm", STORY);

    assertThat(fellBack.method()).isEqualTo(MultiDocumentSummarizer.METHOD);
    assertThat(fellBack.fallbackReason())
        .isEqualTo("llm unfaithful: 2 of 2 lead sentences not supported by the story");
    assertThat(fellBack.faithfulness()).isGreaterThanOrEqualTo(0.95);
  }

  private void assertFallback(String reason) {
    Summary summary = summarize();
    assertThat(summary.method()).isEqualTo(ExtractiveSummarizer.METHOD);
    assertThat(summary.fallbackReason()).isEqualTo(reason);
    assertThat(summary.lead()).startsWith("The city council of Springfield approved");
    assertThat(summary.faithfulness()).isGreaterThanOrEqualTo(0.95);
  }
}
