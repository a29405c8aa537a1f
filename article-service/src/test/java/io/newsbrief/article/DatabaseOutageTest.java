package io.newsbrief.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import io.newsbrief.proto.article.v1.ListArticlesRequest;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.newsbrief.testing.InjectPostgres;
import io.newsbrief.testing.PostgresServer;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With the database gone, readiness goes DOWN and RPCs fail fast with UNAVAILABLE; when it returns,
 * both recover without a restart. Runs on a PostgreSQL of its own, since it stops it.
 */
@QuarkusTest
@WithTestResource(DatabaseOutageTest.OwnPostgres.class)
class DatabaseOutageTest {

  /** A distinct resource class, so this test never shares (and stops) another test's database. */
  public static class OwnPostgres extends EmbeddedPostgresResource {}

  @InjectPostgres PostgresServer postgres;

  @GrpcClient("articles")
  ArticleServiceBlockingStub articles;

  @Test
  void readinessFollowsTheDatabaseAndRpcsAnswerUnavailable() {
    given().get("/q/health/ready").then().statusCode(200);

    postgres.stop();
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  given()
                      .get("/q/health/ready")
                      .then()
                      .statusCode(503)
                      .body("status", equalTo("DOWN")));
      given().get("/q/health/live").then().statusCode(200);

      StatusRuntimeException failure =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              StatusRuntimeException.class,
              () ->
                  articles
                      .withDeadlineAfter(15, TimeUnit.SECONDS)
                      .listArticles(ListArticlesRequest.getDefaultInstance()));
      assertThat(failure).isNotNull();
      assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    } finally {
      postgres.start();
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () ->
                articles
                        .withDeadlineAfter(5, TimeUnit.SECONDS)
                        .listArticles(ListArticlesRequest.getDefaultInstance())
                    != null);
  }
}
