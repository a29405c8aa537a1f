package io.newsbrief.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.newsbrief.gateway.rest.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(WriteRateLimitTest.ThreeWritesAMinute.class)
class WriteRateLimitTest {

  public static class ThreeWritesAMinute implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("newsbrief.gateway.writes-per-minute-per-key", "3");
    }
  }

  @Test
  void theFourthWriteInAMinuteIsTooMany() {
    for (int i = 0; i < 3; i++) {
      post().then().statusCode(201);
    }
    post()
        .then()
        .statusCode(429)
        .contentType(Problem.MEDIA_TYPE)
        .header("Retry-After", notNullValue())
        .body("type", equalTo("urn:newsbrief:problem:rate-limited"));
    given().get("/api/v1/articles").then().statusCode(200);
  }

  private static io.restassured.response.Response post() {
    return given()
        .contentType(ContentType.JSON)
        .header("Authorization", "Bearer test-key")
        .body(Map.of("url", "https://example.com/" + UUID.randomUUID(), "title", "T", "text", "x"))
        .post("/api/v1/articles");
  }
}
