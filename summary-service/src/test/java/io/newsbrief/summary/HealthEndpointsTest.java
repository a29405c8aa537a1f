package io.newsbrief.summary;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.newsbrief.testing.EmbeddedPostgresResource;
import io.newsbrief.testing.HealthProbesContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HealthEndpointsTest extends HealthProbesContract {

  @Test
  void readinessChecksTheOwnDatabaseOnly() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(
            "checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
        .body("checks.name", not(hasItem(containsStringIgnoringCase("article"))));
  }

  @Test
  void queueDepthIsExported() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("newsbrief_briefs_queue_depth{state=\"pending\"}"))
        .body(containsString("newsbrief_briefs_queue_depth{state=\"running\"}"));
  }
}
