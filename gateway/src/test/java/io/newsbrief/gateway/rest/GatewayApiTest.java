package io.newsbrief.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.newsbrief.gateway.client.FakeDownstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST API against fake downstream services reached over real gRPC channels. */
@QuarkusTest
class GatewayApiTest {

  static final String KEY = "test-key";

  @Inject FakeDownstreams downstreams;

  @BeforeEach
  void reset() {
    downstreams.reset();
  }

  private Response submit(Map<String, Object> body) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-API-Key", KEY)
        .body(body)
        .post("/api/v1/articles");
  }

  @Test
  void submitCreatesOnceWithLocationAndTheBriefFollows() {
    String url = "https://example.com/news/1";
    Response first = submit(Map.of("url", url, "title", "Talks", "text", "Delegates met."));
    first
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/v1/articles/"))
        .body("title", equalTo("Talks"));
    String id = first.path("id");
    assertThat(first.header("Location")).endsWith("/api/v1/articles/" + id);
    assertThat(first.<String>path("storyId")).as("the story it starts").isEqualTo(id);

    submit(Map.of("url", url, "title", "Again", "text", "Other."))
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
    assertThat(downstreams.toString()).isNotNull();
    given()
        .get("/api/v1/articles/" + id + "/brief")
        .then()
        .statusCode(202)
        .body("status", equalTo("pending"));
  }

  @Test
  void writesNeedAValidApiKey() {
    var body = Map.of("url", "https://example.com/x", "title", "T", "text", "x");
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/articles")
        .then()
        .statusCode(401)
        .contentType(Problem.MEDIA_TYPE)
        .header("WWW-Authenticate", "Bearer")
        .body("type", equalTo("urn:newsbrief:problem:unauthorized"));
    given()
        .contentType(ContentType.JSON)
        .header("Authorization", "Bearer wrong")
        .body(body)
        .post("/api/v1/articles")
        .then()
        .statusCode(403)
        .contentType(Problem.MEDIA_TYPE);
    given()
        .contentType(ContentType.JSON)
        .header("Authorization", "Bearer " + KEY)
        .body(body)
        .post("/api/v1/articles")
        .then()
        .statusCode(201);
    assertThat(downstreams.toString()).isNotNull();
  }

  @Test
  void aBodyOverTheLimitIsA413ProblemAndNothingIsCreated() {
    int before = downstreams.articleCount();
    given()
        .contentType(ContentType.JSON)
        .header("X-API-Key", KEY)
        .body("{\"url\": \"https://example.com/big\", \"text\": \"" + "x".repeat(6_000_000) + "\"}")
        .post("/api/v1/articles")
        .then()
        .statusCode(413)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo("urn:newsbrief:problem:body-too-large"));
    assertThat(downstreams.articleCount()).isEqualTo(before);
  }

  @Test
  void badInputIsAProblemWithFieldErrors() {
    submit(Map.of("url", "ftp://nope", "title", "T"))
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo("urn:newsbrief:problem:invalid-request"))
        .body("errors[0].field", equalTo("url"));
    given()
        .contentType(ContentType.JSON)
        .header("X-API-Key", KEY)
        .body("{\"url\": ")
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo("urn:newsbrief:problem:malformed-json"));
    given()
        .contentType(ContentType.JSON)
        .header("X-API-Key", KEY)
        .body("{\"url\": 42, \"publishedAt\": \"yesterday\"}")
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE);
    given()
        .contentType(ContentType.TEXT)
        .header("X-API-Key", KEY)
        .body("url=x")
        .post("/api/v1/articles")
        .then()
        .statusCode(415)
        .contentType(Problem.MEDIA_TYPE);
    given()
        .get("/api/v1/articles/not-a-uuid")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors[0].field", equalTo("id"));
    given()
        .get("/api/v1/articles?limit=0")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
    given()
        .get("/api/v1/briefs?cursor=forged")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
    given()
        .get("/api/v1/articles/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType(Problem.MEDIA_TYPE)
        .body("type", equalTo("urn:newsbrief:problem:not-found"));
    given().get("/api/v1/nothing-here").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    given()
        .delete("/api/v1/articles/" + UUID.randomUUID())
        .then()
        .statusCode(405)
        .contentType(Problem.MEDIA_TYPE);
  }

  @Test
  void theBriefScreenIsAcceptedWhileMadeThenCacheableWithETag() {
    String id = Submissions.article("Rivers rise");
    given()
        .get("/api/v1/articles/" + id + "/brief")
        .then()
        .statusCode(202)
        .header("Retry-After", "2")
        .body("status", equalTo("pending"))
        .body("lead", nullValue());

    downstreams.finishBrief(id);
    Response done = given().get("/api/v1/articles/" + id + "/brief");
    done.then()
        .statusCode(200)
        .header("Cache-Control", containsString("max-age=60"))
        .body("title", equalTo("Rivers rise"))
        .body("sourceUrl", startsWith("https://example.com/"))
        .body("generatedAt", notNullValue())
        .body("lead", equalTo("The lead of Rivers rise."))
        .body("sections[0].heading", equalTo("Border Talks"))
        .body("sections[0].paragraphs", hasSize(1))
        .body("method", equalTo("extractive-v1"))
        .body("faithfulness", equalTo(0.5f))
        .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("done")));
    String etag = done.header("ETag");
    assertThat(etag).startsWith("\"");
    given()
        .header("If-None-Match", etag)
        .get("/api/v1/articles/" + id + "/brief")
        .then()
        .statusCode(304);
    given()
        .header("If-None-Match", "\"other\"")
        .get("/api/v1/articles/" + id + "/brief")
        .then()
        .statusCode(200);
  }

  @Test
  void aFailedBriefIsUnprocessable() {
    String id = Submissions.article("Broken");
    downstreams.failBrief(id, "the article no longer exists");
    given()
        .get("/api/v1/articles/" + id + "/brief")
        .then()
        .statusCode(422)
        .contentType(Problem.MEDIA_TYPE)
        .body("detail", containsString("the article no longer exists"));
  }

  @Test
  void feedItemsAreLeanCardsUnlessTheFullViewIsAsked() {
    String id = Submissions.article("A card");
    downstreams.finishBrief(id);
    given()
        .get("/api/v1/briefs")
        .then()
        .statusCode(200)
        .body("items[0].articleId", equalTo(id))
        .body("items[0].title", equalTo("A card"))
        .body("items[0].lead", notNullValue())
        .body("items[0].generatedAt", notNullValue())
        .body("items[0].sections", nullValue())
        .body("items[0].method", nullValue());
    given()
        .get("/api/v1/briefs?view=full")
        .then()
        .statusCode(200)
        .body("items[0].articleId", equalTo(id))
        .body("items[0].sections", notNullValue())
        .body("items[0].status", equalTo("done"));
    String cards = given().get("/api/v1/briefs").header("ETag");
    assertThat(given().get("/api/v1/briefs?view=full").header("ETag"))
        .as("each view its own representation")
        .isNotEqualTo(cards);
    given()
        .get("/api/v1/briefs?view=tiny")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("view"));
  }

  @Test
  void theFeedPagesNewestFirstWithNextLinksAndSearch() {
    for (int i = 0; i < 5; i++) {
      downstreams.finishBrief(
          Submissions.article("Story " + i + (i % 2 == 0 ? " about trade" : "")));
    }
    Response first = given().get("/api/v1/briefs?limit=2");
    first
        .then()
        .statusCode(200)
        .body("items", hasSize(2))
        .body("items[0].title", equalTo("Story 4 about trade"))
        .body("next", containsString("cursor="));
    String next = first.path("next");
    given()
        .get(next.substring(next.indexOf("/api/")))
        .then()
        .statusCode(200)
        .body("items[0].title", equalTo("Story 2 about trade"));

    given()
        .get("/api/v1/briefs?q=trade")
        .then()
        .statusCode(200)
        .body("items", hasSize(3))
        .body("next", nullValue());
    given()
        .get("/api/v1/briefs?q=nothing-matches")
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
    given()
        .get("/api/v1/articles?limit=3")
        .then()
        .statusCode(200)
        .body("items", hasSize(3))
        .body("items[0].text", nullValue());
    given().get("/api/v1/articles?q=trade").then().statusCode(200).body("items", hasSize(3));
  }

  @Test
  void aDownstreamOutageIs503WithRetryAfter() {
    String id = Submissions.article("Outage");
    downstreams.summariesDown(true);
    given()
        .get("/api/v1/articles/" + id + "/brief")
        .then()
        .statusCode(503)
        .contentType(Problem.MEDIA_TYPE)
        .header("Retry-After", "2")
        .body("type", equalTo("urn:newsbrief:problem:unavailable"))
        .body(org.hamcrest.Matchers.not(containsString("localhost")));
    given().get("/api/v1/articles/" + id).then().statusCode(200).header("ETag", notNullValue());
    downstreams.summariesDown(false);
    given().get("/api/v1/articles/" + id + "/brief").then().statusCode(202);
  }

  @Test
  void briefsServedBeforeAnOutageAreServedStaleDuringIt() {
    String served = Submissions.article("Served before");
    downstreams.finishBrief(served);
    String body =
        given()
            .get("/api/v1/articles/" + served + "/brief")
            .then()
            .statusCode(200)
            .header("Cache-Status", nullValue())
            .extract()
            .asString();
    String feed = given().get("/api/v1/briefs?limit=5").then().statusCode(200).extract().asString();
    String neverServed = Submissions.article("Never served");
    downstreams.finishBrief(neverServed);

    downstreams.summariesDown(true);
    given()
        .get("/api/v1/articles/" + served + "/brief")
        .then()
        .statusCode(200)
        .header("Cache-Status", equalTo(ETaggedResponses.STALE_IF_ERROR))
        .header("Cache-Control", containsString("max-age=0"))
        .body(equalTo(body));
    given()
        .get("/api/v1/briefs?limit=5")
        .then()
        .statusCode(200)
        .header("Cache-Status", equalTo(ETaggedResponses.STALE_IF_ERROR))
        .body(equalTo(feed));
    given()
        .get("/api/v1/articles/" + neverServed + "/brief")
        .then()
        .statusCode(503)
        .contentType(Problem.MEDIA_TYPE);
    given().get("/api/v1/briefs?limit=6").then().statusCode(503);

    downstreams.summariesDown(false);
    // Once the circuit breaker lets calls through again (it may have opened), answers are fresh.
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/articles/" + neverServed + "/brief")
                    .then()
                    .statusCode(200)
                    .header("Cache-Status", nullValue()));
  }

  @Test
  void openApiDescribesTheEndpoints() {
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/briefs"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/articles/{id}/brief"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/articles/{id}"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/articles"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/stories"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/stories/{id}"))
        .body("components.securitySchemes.apiKey.name", equalTo("X-API-Key"));
  }

  @Test
  void responsesAreCompressedForClientsThatAsk() {
    for (int i = 0; i < 20; i++) {
      downstreams.finishBrief(Submissions.article("A rather long story title number " + i));
    }
    given()
        .header("Accept-Encoding", "gzip")
        .get("/api/v1/briefs?limit=20")
        .then()
        .statusCode(200)
        .header("Content-Encoding", "gzip");
  }
}
