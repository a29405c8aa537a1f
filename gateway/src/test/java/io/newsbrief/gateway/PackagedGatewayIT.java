package io.newsbrief.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway — its jar, or with {@code -Dnative} its native executable — with no
 * downstream running: probes, metrics, the OpenAPI document, problem+json answers (JSON
 * serialization), the web page (templates) and the API key check all work as on the JVM.
 */
@QuarkusIntegrationTest
class PackagedGatewayIT {

  @Test
  void probesSayAliveButNotReadyWithoutDownstreams() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
  }

  @Test
  void metricsAndTheApiDescriptionAreServed() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("Newsbrief API"));
  }

  @Test
  void unreachableDownstreamsAreA503ProblemAndAPage() {
    given()
        .get("/api/v1/briefs")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("status", equalTo(503));
    given()
        .accept(ContentType.HTML)
        .get("/")
        .then()
        .statusCode(503)
        .contentType(ContentType.HTML)
        .body(containsString("<html"));
  }

  @Test
  void writesWithoutAKeyAreRefusedWithAProblem() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("url", "https://example.com/a", "title", "T", "text", "x"))
        .post("/api/v1/articles")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }
}
