package io.newsbrief.summary.summarizer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.newsbrief.summary.client.FakeArticles;
import io.newsbrief.summary.repository.JobState;
import io.newsbrief.summary.service.BriefService;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM method against a local fake OpenAI-compatible server: good, slow, broken, invalid. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(FakeLlmServer.class)
class LlmSummarizerTest {

  private static final String TEXT =
      "Delegates met in Geneva on Monday. The talks were the first in two years.\n\n"
          + "The border dispute came first. Trade followed.";

  WireMockServer llm;

  @Inject BriefService briefs;
  @Inject Summarizers summarizers;
  @Inject FakeArticles articles;
  @Inject ObjectMapper json;

  @BeforeEach
  void reset() {
    llm.resetAll();
  }

  private void answer(ResponseDefinitionBuilder response) {
    llm.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer " + FakeLlmServer.API_KEY))
            .withRequestBody(matchingJsonPath("$.model", equalTo(FakeLlmServer.MODEL)))
            .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object")))
            .willReturn(response));
  }

  private ResponseDefinitionBuilder completion(String content) throws Exception {
    return okJson(
        json.writeValueAsString(
            Map.of(
                "choices",
                List.of(Map.of("message", Map.of("role", "assistant", "content", content))))));
  }

  private Summary summarize() {
    return briefs.summarize("Talks resume", TEXT, "en", "llm");
  }

  @Test
  void validJsonBecomesTheBrief() throws Exception {
    answer(
        completion(
            """
            {"title": "Talks Resume", "lead": "Delegates met in Geneva.",
             "sections": [{"heading": "Border Dispute", "paragraphs": ["The border came first."]},
                          {"heading": "Trade Ties", "paragraphs": ["Trade followed."]}]}
            """));

    Summary summary = summarize();

    assertThat(summary.method()).isEqualTo("llm:test-model");
    assertThat(summary.fallbackReason()).isNull();
    assertThat(summary.lead()).isEqualTo("Delegates met in Geneva.");
    assertThat(summary.sections())
        .extracting(Section::heading)
        .containsExactly("Border Dispute", "Trade Ties");
  }

  @Test
  void aSlowAnswerFallsBackToExtractive() throws Exception {
    answer(completion("{\"lead\": \"late\"}").withFixedDelay(3_000));
    assertFallback("llm timed out");
  }

  @Test
  void aServerErrorFallsBackToExtractive() {
    answer(aResponse().withStatus(500).withBody("overloaded"));
    assertFallback("llm HTTP 500");
  }

  @Test
  void malformedOrInvalidOutputFallsBackToExtractive() throws Exception {
    answer(completion("Sure! Here is your brief: lead..."));
    assertFallback("llm invalid JSON");

    llm.resetAll();
    answer(
        completion(
            "{\"lead\": \"L.\", \"sections\": [{\"heading\": \"Same\", \"paragraphs\": [\"a\"]},"
                + " {\"heading\": \"Same\", \"paragraphs\": [\"b\"]}]}"));
    assertFallback("llm invalid brief: duplicate headings");

    llm.resetAll();
    answer(okJson("{\"choices\": []}"));
    assertFallback("llm empty answer");
  }

  @Test
  void aQueuedLlmJobRecordsItsFallback() {
    answer(aResponse().withStatus(503));
    UUID articleId = UUID.fromString(articles.add("Example News", "Talks", TEXT).getId());

    briefs.request(articleId, "llm");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> briefs.get(articleId, "llm").state() == JobState.DONE);
    var view = briefs.get(articleId, "llm");
    assertThat(view.brief().method).isEqualTo("extractive-v2");
    assertThat(view.reason()).isEqualTo("llm HTTP 503");
  }

  private static final List<ArticleContent> STORY =
      List.of(
          new ArticleContent(
              "Talks resume",
              "Delegates met in Geneva on Monday. The talks were the first in two years.",
              "en"),
          new ArticleContent(
              "Geneva talks",
              "Negotiators gathered in Geneva on Monday. One delegate called it \"a fragile"
                  + " new start\" for the region.",
              "en"));

  private StorySummary summarizeStory() {
    return summarizers.summarizeStory("llm", STORY);
  }

  @Test
  void aStoryBriefWithValidCitationsIsAccepted() throws Exception {
    answer(
        completion(
            """
            {"title": "Talks Resume",
             "lead": [{"text": "Delegates met in Geneva on Monday.", "sources": [1, 2]},
                      {"text": "One called it \\"a fragile new start\\".", "sources": [2]}],
             "sections": [{"heading": "First In Two Years",
                           "sentences": [{"text": "It was the first round in two years.",
                                          "sources": [1]}]}]}
            """));

    StorySummary summary = summarizeStory();

    assertThat(summary.method()).isEqualTo("llm:" + FakeLlmServer.MODEL);
    assertThat(summary.fallbackReason()).isNull();
    assertThat(summary.lead())
        .extracting(CitedSentence::sources)
        .containsExactly(List.of(0, 1), List.of(1));
    assertThat(summary.sections().get(0).sentences().get(0).sources()).containsExactly(0);
    llm.verify(
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(containing("[1] Talks resume"))
            .withRequestBody(containing("[2] Geneva talks")));
  }

  @Test
  void invalidCitationsFallBackToTheBuiltInStoryMethod() throws Exception {
    Map<String, String> answers =
        Map.of(
            "{\"lead\": [{\"text\": \"Delegates met.\", \"sources\": [3]}]}",
            "llm invalid citations: no source [3]",
            "{\"lead\": [{\"text\": \"Delegates met.\", \"sources\": []}]}",
            "llm invalid citations: a sentence cites no source",
            "{\"lead\": [{\"text\": \"Delegates met.\"}]}",
            "llm invalid citations: a sentence cites no source",
            "{\"lead\": [{\"text\": \"They hailed \\\"a historic peace deal\\\".\","
                + " \"sources\": [2]}]}",
            "llm invalid citations: a quote is in no source it cites",
            "{\"lead\": [{\"text\": \"One called it \\\"a fragile new start\\\".\","
                + " \"sources\": [1]}]}",
            "llm invalid citations: a quote is in no source it cites",
            "{\"lead\": []}",
            "llm invalid brief: no lead");
    for (var answer : answers.entrySet()) {
      llm.resetAll();
      answer(completion(answer.getKey()));

      StorySummary summary = summarizeStory();

      assertThat(summary.method()).as(answer.getKey()).isEqualTo(MultiDocumentSummarizer.METHOD);
      assertThat(summary.fallbackReason()).as(answer.getKey()).isEqualTo(answer.getValue());
      assertThat(summary.lead()).isNotEmpty();
    }
  }

  private void assertFallback(String reason) {
    Summary summary = summarize();
    assertThat(summary.method()).isEqualTo(ExtractiveSummarizer.METHOD);
    assertThat(summary.fallbackReason()).isEqualTo(reason);
    assertThat(summary.lead()).startsWith("Delegates met in Geneva on Monday.");
  }
}
