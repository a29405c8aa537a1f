package io.newsbrief.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.newsbrief.gateway.client.FakeDownstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app's sync loop: the feed's first page gives a token, {@code changedSince} returns what was
 * written or withdrawn since and the next token, a repeat with nothing changed is answered from
 * memory (304 with its ETag), and a token too old is 410.
 */
@QuarkusTest
class SyncApiTest {

  @Inject FakeDownstreams downstreams;

  @BeforeEach
  void reset() {
    downstreams.reset();
    downstreams.announceChanges();
  }

  private static JsonPath sync(String token) {
    return given()
        .queryParam("changedSince", token)
        .get("/api/v1/briefs")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .extract()
        .jsonPath();
  }

  @Test
  void syncLoopAcrossAChangeARemovalAndAStaleToken() {
    String first = Submissions.briefed(downstreams, "First report");
    String token =
        given()
            .get("/api/v1/briefs")
            .then()
            .statusCode(200)
            .body("items.articleId", hasItem(first))
            .extract()
            .path("syncToken");
    assertThat(token).isNotBlank();
    // A filtered or searched feed has no token: delta sync follows the whole feed.
    given().get("/api/v1/briefs?source=Nowhere").then().body("syncToken", equalTo(null));

    // A change: a new brief arrives as a card.
    String second = Submissions.briefed(downstreams, "Second report");
    JsonPath changed = sync(token);
    assertThat(changed.getList("changed.articleId")).containsExactly(second);
    assertThat(changed.getString("changed[0].lead")).isEqualTo("The lead of Second report.");
    assertThat(changed.getMap("changed[0]")).doesNotContainKey("sections");
    assertThat(changed.getList("removed")).isEmpty();
    assertThat(changed.getBoolean("hasMore")).isFalse();
    token = changed.getString("syncToken");

    // Nothing changed: the same token back, and a repeat is a 304.
    JsonPath quiet = sync(token);
    assertThat(quiet.getList("changed")).isEmpty();
    assertThat(quiet.getString("syncToken")).isEqualTo(token);
    String etag = given().queryParam("changedSince", token).get("/api/v1/briefs").header("ETag");
    given()
        .queryParam("changedSince", token)
        .header("If-None-Match", etag)
        .get("/api/v1/briefs")
        .then()
        .statusCode(304);

    // A removal: withdrawn briefs come as tombstones, and leave the feed.
    given()
        .header("X-API-Key", GatewayApiTest.KEY)
        .delete("/api/v1/articles/" + first + "/brief")
        .then()
        .statusCode(204);
    String afterChange = token;
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(sync(afterChange).getList("removed")).contains(first));
    JsonPath removal = sync(token);
    assertThat(removal.getList("changed")).isEmpty();
    assertThat(removal.getString("syncToken")).isNotEqualTo(token);
    given().get("/api/v1/briefs").then().body("items.articleId", equalTo(List.of(second)));
    given()
        .header("X-API-Key", GatewayApiTest.KEY)
        .delete("/api/v1/articles/" + first + "/brief")
        .then()
        .statusCode(404)
        .contentType(FeedApiTest.PROBLEM);

    // The full view gives whole briefs, sections included.
    assertThat(
            given()
                .queryParam("changedSince", token)
                .queryParam("view", "full")
                .get("/api/v1/briefs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("removed"))
        .contains(first);

    // Retention passed (and the feed moved on): the app must read the feed again.
    downstreams.expireSyncTokens();
    Submissions.briefed(downstreams, "Third report");
    String stale = removal.getString("syncToken");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .queryParam("changedSince", stale)
                    .get("/api/v1/briefs")
                    .then()
                    .statusCode(410)
                    .contentType(FeedApiTest.PROBLEM)
                    .body("type", containsString("sync-token-expired"))
                    .body("detail", containsString("first page")));
  }

  @Test
  void badTokensAndCombinationsAreProblemsNamingTheParameter() {
    given()
        .queryParam("changedSince", "not-a-token")
        .get("/api/v1/briefs")
        .then()
        .statusCode(400)
        .contentType(FeedApiTest.PROBLEM)
        .body("errors[0].field", equalTo("changedSince"));
    given()
        .queryParam("changedSince", "t0")
        .queryParam("source", "Courier")
        .get("/api/v1/briefs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("source"));
    given()
        .queryParam("changedSince", "t\u0000")
        .get("/api/v1/briefs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("changedSince"));
    given().delete("/api/v1/articles/" + UUID.randomUUID() + "/brief").then().statusCode(401);
  }
}
