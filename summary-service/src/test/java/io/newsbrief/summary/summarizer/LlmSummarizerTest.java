package io.newsbrief.summary.summarizer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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

  private void assertFallback(String reason) {
    Summary summary = summarize();
    assertThat(summary.method()).isEqualTo(ExtractiveSummarizer.METHOD);
    assertThat(summary.fallbackReason()).isEqualTo(reason);
    assertThat(summary.lead()).startsWith("Delegates met in Geneva on Monday.");
  }
}
