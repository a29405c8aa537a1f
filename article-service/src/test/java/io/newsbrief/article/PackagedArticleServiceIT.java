package io.newsbrief.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.newsbrief.proto.article.v1.ArticleInput;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc;
import io.newsbrief.proto.article.v1.CreateArticleRequest;
import io.newsbrief.proto.article.v1.GetArticleRequest;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.newsbrief.testing.GrpcReflection;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The packaged application (the jar a container runs) against a real PostgreSQL. */
@QuarkusIntegrationTest
@WithTestResource(EmbeddedPostgresResource.class)
class PackagedArticleServiceIT {

  @Test
  void servesHealthAndArticlesOverGrpc() throws Exception {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

    int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    try {
      var articles =
          ArticleServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
      var created =
          articles.createArticle(
              CreateArticleRequest.newBuilder()
                  .setArticle(
                      ArticleInput.newBuilder()
                          .setUrl("https://example.com/" + UUID.randomUUID())
                          .setTitle("Packaged")
                          .setText("Runs from the jar."))
                  .build());
      var fetched =
          articles.getArticle(
              GetArticleRequest.newBuilder().setId(created.getArticle().getId()).build());
      assertThat(fetched.getText()).isEqualTo("Runs from the jar.");
      assertThat(GrpcReflection.services(channel))
          .contains(
              "newsbrief.article.v1.ArticleService",
              "newsbrief.article.v1.FeedService",
              "grpc.health.v1.Health");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
