package io.newsbrief.gateway.rest;

import static io.restassured.RestAssured.given;

import io.newsbrief.gateway.client.FakeDownstreams;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;

/** Articles submitted through the API, as the gateway's tests need them. */
public final class Submissions {

  private Submissions() {}

  /** A new article (a fresh URL each time); returns its id. */
  public static String article(String title) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-API-Key", GatewayApiTest.KEY)
        .body(
            Map.of(
                "url", "https://example.com/" + UUID.randomUUID(), "title", title, "text", "Text."))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A new article whose brief the fake summary-service has finished (and announced). */
  public static String briefed(FakeDownstreams downstreams, String title) {
    String id = article(title);
    downstreams.finishBrief(id);
    return id;
  }
}
