package io.newsbrief.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import grpc.reflection.v1alpha.MutinyServerReflectionGrpc;
import grpc.reflection.v1alpha.Reflection.ServerReflectionRequest;
import grpc.reflection.v1alpha.Reflection.ServiceResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.newsbrief.proto.article.v1.ArticleInput;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc;
import io.newsbrief.proto.article.v1.CreateArticleRequest;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.newsbrief.testing.HealthProbesContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What operators rely on: probes with the database check, metrics, gRPC health and reflection. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class OperationsEndpointsTest extends HealthProbesContract {

  @ConfigProperty(name = "quarkus.http.test-port")
  int port;

  private ManagedChannel channel;

  @BeforeEach
  void openChannel() {
    channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
  }

  @AfterEach
  void closeChannel() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void readinessIncludesTheDatabase() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(
            "checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
  }

  @Test
  void metricsCountSubmittedArticlesAndGrpcCalls() {
    ArticleServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .createArticle(
            CreateArticleRequest.newBuilder()
                .setArticle(
                    ArticleInput.newBuilder()
                        .setUrl("https://example.com/" + UUID.randomUUID())
                        .setTitle("Counted")
                        .setText("Counted text."))
                .build());

    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("newsbrief_articles_submitted_total{outcome=\"created\"}"))
        .body(containsString("grpc_server_processing_duration_seconds"));
  }

  @Test
  void grpcHealthServiceReportsServing() {
    var response =
        HealthGrpc.newBlockingStub(channel)
            .withDeadlineAfter(5, TimeUnit.SECONDS)
            .check(HealthCheckRequest.newBuilder().build());
    assertThat(response.getStatus()).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void reflectionListsTheArticleService() {
    List<String> services =
        MutinyServerReflectionGrpc.newMutinyStub(channel)
            .withDeadlineAfter(5, TimeUnit.SECONDS)
            .serverReflectionInfo(
                Multi.createFrom()
                    .item(ServerReflectionRequest.newBuilder().setListServices("").build()))
            .collect()
            .first()
            .await()
            .atMost(Duration.ofSeconds(5))
            .getListServicesResponse()
            .getServiceList()
            .stream()
            .map(ServiceResponse::getName)
            .toList();
    assertThat(services).contains("newsbrief.article.v1.ArticleService", "grpc.health.v1.Health");
  }
}
