package io.newsbrief.gateway.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.newsbrief.gateway.client.FakeDownstreams;
import io.newsbrief.gateway.rest.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finished briefs are served from memory while summary-service's change stream is live, and a
 * change announced on it is visible at once; without the stream every read goes downstream.
 */
@QuarkusTest
class FreshBriefsTest {

  @Inject FakeDownstreams downstreams;

  String articleId;

  @BeforeEach
  void finishedBrief() {
    downstreams.reset();
    articleId = Submissions.briefed(downstreams, "Kept in memory");
  }

  private String lead() {
    return given()
        .get("/api/v1/articles/" + articleId + "/brief")
        .then()
        .statusCode(200)
        .extract()
        .path("lead");
  }

  private boolean servedFromMemory() {
    lead();
    int calls = downstreams.getBriefCalls();
    lead();
    lead();
    return downstreams.getBriefCalls() == calls;
  }

  @Test
  void withoutTheChangeStreamEveryReadGoesDownstream() {
    lead();
    int calls = downstreams.getBriefCalls();
    lead();
    assertThat(downstreams.getBriefCalls()).isEqualTo(calls + 1);
  }

  @Test
  void aChangedBriefIsServedNewAtOnceAndAnOutageStopsServingFromMemory() {
    downstreams.announceChanges();
    await().atMost(Duration.ofSeconds(10)).until(this::servedFromMemory);

    downstreams.rewriteLead(articleId, "A rewritten lead.");
    await().atMost(Duration.ofSeconds(5)).until(() -> lead().equals("A rewritten lead."));

    // summary-service down: the stream ends, memory is dropped; the last good answer is served
    // marked stale, as without the cache.
    downstreams.summariesDown(true);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/articles/" + articleId + "/brief")
                    .then()
                    .statusCode(200)
                    .header("Cache-Status", org.hamcrest.Matchers.containsString("stale-if-error"))
                    .body("lead", equalTo("A rewritten lead.")));
  }
}
