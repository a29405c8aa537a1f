package io.newsbrief.summary.summarizer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.newsbrief.proto.summary.v1.Brief;
import io.newsbrief.proto.summary.v1.SummarizeRequest;
import io.newsbrief.proto.summary.v1.SummaryServiceGrpc;
import io.newsbrief.summary.grpc.SummaryGrpcServiceTestData;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.newsbrief.testing.GrpcReflection;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged summary-service — its jar, or with {@code -Dnative} its native executable — against
 * a real PostgreSQL: probes, metrics, gRPC reflection, and the built-in summarizer giving exactly
 * what it gives on the JVM (this test's own, in-process) for the same texts: the repository's
 * sample story and, where {@code ../shared/eval} is present, 40 real BBC and CNN articles.
 */
@QuarkusIntegrationTest
@WithTestResource(EmbeddedPostgresResource.class)
class PackagedSummaryServiceIT {

  private static final Path EVAL = Path.of("../../shared/eval");
  private static ManagedChannel channel;

  @BeforeAll
  static void connect() {
    int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
  }

  @AfterAll
  static void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void probesAndMetricsAnswer() {
    for (String probe : List.of("/q/health/live", "/q/health/ready", "/q/health/started")) {
      given().get(probe).then().statusCode(200).body("status", equalTo("UP"));
    }
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("newsbrief_briefs_queue_depth"));
  }

  @Test
  void reflectionListsTheService() throws Exception {
    assertThat(GrpcReflection.services(channel))
        .contains("newsbrief.summary.v1.SummaryService", "grpc.health.v1.Health");
  }

  @Test
  void theBuiltInSummarizerGivesWhatItGivesOnTheJvm() throws Exception {
    List<ArticleContent> texts = new ArrayList<>();
    texts.add(new ArticleContent("Talks resume in Geneva", SummaryGrpcServiceTestData.STORY, "en"));
    for (String file : List.of("bbc-dev.jsonl", "cnndm-cased-dev.jsonl")) {
      if (Files.isRegularFile(EVAL.resolve(file))) {
        EvaluationData.read(EVAL.resolve(file)).stream()
            .limit(20)
            .forEach(row -> texts.add(new ArticleContent(row.title(), row.text(), "en")));
      } else {
        System.out.println("PackagedSummaryServiceIT: " + EVAL.resolve(file) + " absent, skipped");
      }
    }
    var summaries =
        SummaryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    ExtractiveSummarizer onThisJvm = new ExtractiveSummarizer();
    for (ArticleContent text : texts) {
      Brief packaged =
          summaries
              .summarize(
                  SummarizeRequest.newBuilder()
                      .setTitle(text.title() == null ? "" : text.title())
                      .setText(text.text())
                      .setMethod("extractive")
                      .build())
              .getBrief();
      Summary expected = onThisJvm.summarize(text);
      assertThat(packaged.getLead()).as(text.title()).isEqualTo(expected.lead());
      assertThat(packaged.getSectionsList())
          .extracting(section -> new Section(section.getHeading(), section.getParagraphsList()))
          .as(text.title())
          .containsExactlyElementsOf(expected.sections());
    }
    System.out.printf(
        "PackagedSummaryServiceIT: %d texts summarized identically by the packaged service%n",
        texts.size());
  }
}
