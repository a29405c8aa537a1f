package io.newsbrief.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and hostile input on every endpoint (fixed seed, bounded count): the answer is always a
 * 2xx, 3xx or 4xx, never a 5xx, and every error is problem+json.
 */
@QuarkusTest
class InputFuzzTest {

  private static final int CASES = 150;
  private static final List<String> HOSTILE =
      List.of(
          "",
          " ",
          "'; DROP TABLE article; --",
          "<script>alert(1)</script>",
          "%00",
          "\u0000",
          "..%2F..%2Fetc",
          "😀".repeat(300),
          "a".repeat(5000),
          "-1",
          "NaN",
          "1e309",
          "{}",
          "[]",
          "null",
          "\"",
          "\\u0000",
          "00000000-0000-0000-0000-000000000000",
          "9c9397ad-b691-4ea0-8df0-8ef1f1980da6x");

  private final Random random = new Random(20261128);

  private String anyString() {
    if (random.nextInt(3) == 0) {
      return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }
    byte[] bytes = new byte[random.nextInt(64)];
    random.nextBytes(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String pathSegment(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void randomPathsAndQueriesNeverCause5xx() {
    for (int i = 0; i < CASES; i++) {
      String value = anyString();
      int status =
          switch (i % 4) {
            case 0 ->
                given()
                    .urlEncodingEnabled(false)
                    .get("/api/v1/articles/" + pathSegment(value))
                    .statusCode();
            case 1 ->
                given()
                    .urlEncodingEnabled(false)
                    .get("/api/v1/articles/" + pathSegment(value) + "/brief")
                    .statusCode();
            case 2 ->
                given()
                    .urlEncodingEnabled(false)
                    .get(
                        "/api/v1/briefs?cursor="
                            + pathSegment(value)
                            + "&limit="
                            + pathSegment(anyString()))
                    .statusCode();
            default ->
                given()
                    .urlEncodingEnabled(false)
                    .get(
                        "/api/v1/articles?q="
                            + pathSegment(value)
                            + "&source="
                            + pathSegment(anyString()))
                    .statusCode();
          };
      assertThat(status).as("input %s", value).isLessThan(500);
    }
  }

  @Test
  void randomBodiesNeverCause5xx() {
    for (int i = 0; i < CASES; i++) {
      String body =
          switch (i % 3) {
            case 0 -> anyString();
            case 1 ->
                "{\"url\": \""
                    + anyString().replace("\"", "")
                    + "\", \"title\": "
                    + random.nextInt()
                    + "}";
            default ->
                "{\"url\": \"https://example.com/"
                    + i
                    + "\", \"publishedAt\": \""
                    + anyString().replace("\"", "")
                    + "\", \"text\": \"x\"}";
          };
      var response =
          given()
              .contentType(ContentType.JSON)
              .header("X-API-Key", "test-key")
              .body(body)
              .post("/api/v1/articles");
      assertThat(response.statusCode()).as("body %s", body).isLessThan(500);
      if (response.statusCode() >= 400) {
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("\tat ");
      }
    }
  }

  /**
   * Control characters in any query parameter are the caller's error, answered at the edge with a
   * problem naming the parameter; a burst of them reaches no service, so valid calls go on.
   */
  @Test
  void controlCharactersInParametersAreProblemsThatLeaveSearchWorking() {
    List<String> controls = List.of("%00", "war%00peace", "%01", "%1B%5B31m", "%7F", "%C2%85");
    for (int round = 0; round < 5; round++) {
      for (String control : controls) {
        for (String path :
            List.of(
                "/api/v1/articles?q=",
                "/api/v1/articles?source=",
                "/api/v1/briefs?q=",
                "/api/v1/briefs?language=",
                "/api/v1/stories?q=",
                "/api/v1/briefs?cursor=")) {
          given()
              .urlEncodingEnabled(false)
              .get(path + control)
              .then()
              .statusCode(400)
              .contentType("application/problem+json")
              .body(
                  "errors[0].field",
                  org.hamcrest.Matchers.equalTo(
                      path.substring(path.indexOf('?') + 1, path.length() - 1)));
        }
      }
    }
    given().get("/api/v1/articles?q=geneva").then().statusCode(200);
    given().get("/api/v1/stories?q=geneva").then().statusCode(200);
  }
}
