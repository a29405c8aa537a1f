package io.newsbrief.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.newsbrief.gateway.client.FakeDownstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedApiTest {

  static final String KEY = "test-key";
  static final String PROBLEM = "application/problem+json";

  @Inject FakeDownstreams downstreams;

  @BeforeEach
  void reset() {
    downstreams.reset();
  }

  private static RequestSpecification operator() {
    return given().header("Authorization", "Bearer " + KEY);
  }

  private static String add(String url) {
    return operator()
        .contentType(ContentType.JSON)
        .body(
            "{\"url\": \"" + url + "\", \"sourceName\": \"Courier\", \"pollIntervalMinutes\": 30}")
        .post("/api/v1/feeds")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/v1/feeds/"))
        .body("url", equalTo(url))
        .body("pollIntervalMinutes", equalTo(30))
        .body("paused", equalTo(false))
        .body("status.consecutiveFailures", equalTo(0))
        .extract()
        .path("id");
  }

  @Test
  void operatorsRegisterListPauseResumeRefreshAndRemoveFeeds() {
    String id = add("https://courier.example.com/rss");

    operator()
        .get("/api/v1/feeds/" + id)
        .then()
        .statusCode(200)
        .body("sourceName", equalTo("Courier"));
    operator().get("/api/v1/feeds").then().statusCode(200).body("items", hasSize(1));
    operator()
        .post("/api/v1/feeds/" + id + "/pause")
        .then()
        .statusCode(200)
        .body("paused", equalTo(true));
    operator().post("/api/v1/feeds/" + id + "/refresh").then().statusCode(409).contentType(PROBLEM);
    operator()
        .post("/api/v1/feeds/" + id + "/resume")
        .then()
        .statusCode(200)
        .body("paused", equalTo(false));
    operator().post("/api/v1/feeds/" + id + "/refresh").then().statusCode(200);
    operator().delete("/api/v1/feeds/" + id).then().statusCode(204);
    operator().get("/api/v1/feeds/" + id).then().statusCode(404).contentType(PROBLEM);
  }

  @Test
  void badDuplicateAndUnknownFeedsAreProblems() {
    add("https://courier.example.com/rss");
    operator()
        .contentType(ContentType.JSON)
        .body("{\"url\": \"https://courier.example.com/rss\"}")
        .post("/api/v1/feeds")
        .then()
        .statusCode(409)
        .contentType(PROBLEM);
    operator()
        .contentType(ContentType.JSON)
        .body("{\"url\": \"http://10.0.0.7/rss\"}")
        .post("/api/v1/feeds")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("url"));
    operator()
        .contentType(ContentType.JSON)
        .body("{\"url\": 12")
        .post("/api/v1/feeds")
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
    operator().get("/api/v1/feeds/not-a-uuid").then().statusCode(400).contentType(PROBLEM);
    operator().get("/api/v1/feeds/00000000-0000-4000-8000-000000000000").then().statusCode(404);
  }

  @Test
  void everyFeedCallNeedsAValidKeyReadsIncluded() {
    String id = add("https://courier.example.com/rss");
    given().get("/api/v1/feeds").then().statusCode(401).contentType(PROBLEM);
    given().get("/api/v1/feeds/" + id).then().statusCode(401);
    given().header("X-API-Key", "wrong").get("/api/v1/feeds").then().statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .body("{\"url\": \"https://other.example.com/rss\"}")
        .post("/api/v1/feeds")
        .then()
        .statusCode(401);
    given().delete("/api/v1/feeds/" + id).then().statusCode(401);
    operator().get("/api/v1/feeds").then().statusCode(200).body("items", hasSize(1));
  }
}
