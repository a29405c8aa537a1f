package io.newsbrief.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.newsbrief.testing.HealthProbesContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthEndpointsTest extends HealthProbesContract {

  @Test
  void readinessReportsEachDownstream() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(
            "checks.find { it.name == 'downstream services' }.data.article-service", equalTo("UP"))
        .body(
            "checks.find { it.name == 'downstream services' }.data.summary-service", equalTo("UP"));
  }
}
