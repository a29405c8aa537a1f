package io.newsbrief.article.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsbrief.article.RowCounts;
import io.newsbrief.article.client.FakeSummaryService;
import io.newsbrief.proto.article.v1.Article;
import io.newsbrief.proto.article.v1.ArticleInput;
import io.newsbrief.proto.article.v1.ArticleService;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import io.newsbrief.proto.article.v1.CreateArticleRequest;
import io.newsbrief.proto.article.v1.ImportArticlesRequest;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every stored article's brief is requested from summary-service, even across an outage. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class BriefRequestRelayTest {

  @GrpcClient("articles")
  ArticleServiceBlockingStub articles;

  @GrpcClient("articles")
  ArticleService streamingArticles;

  @Inject @GrpcService FakeSummaryService summaries;
  @Inject EntityManager entityManager;

  private String create() {
    return create("Relayed", "Text.").getId();
  }

  private Article create(String title, String text) {
    return articles
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .createArticle(
            CreateArticleRequest.newBuilder()
                .setArticle(
                    ArticleInput.newBuilder()
                        .setUrl("https://example.com/" + UUID.randomUUID())
                        .setTitle(title)
                        .setText(text))
                .build())
        .getArticle();
  }

  private boolean inOutbox(String articleId) {
    return RowCounts.count(
            entityManager,
            "SELECT count(*) FROM brief_request WHERE article_id = ?1",
            UUID.fromString(articleId))
        == 1;
  }

  /** Random letters-only words, a different set on every call. */
  private static String unheardOfWords(int count) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder word = new StringBuilder();
      for (char hex :
          UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
        word.append((char) ('a' + Character.digit(hex, 16)));
      }
      words.add(word.toString());
    }
    return String.join(" ", words);
  }

  @Test
  void aStoryGainingASecondMemberHasItsBriefRequestedAndALoneArticleNot() {
    String title = "Harbour ferry strike halts crossings " + UUID.randomUUID();
    String text =
        "Ferry crews walked out at dawn over pay, halting every crossing of the harbour. The"
            + " union said the strike would last two days.";
    // Words no other article in the module's shared database uses: nothing can join its story.
    Article alone = create(unheardOfWords(5), unheardOfWords(12) + ".");
    Article first = create(title, text);
    Article second = create(title, text + " Commuters queued for buses.");
    assertThat(second.getStoryId()).isEqualTo(first.getStoryId());

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> summaries.storyRequests().contains(first.getStoryId()));
    assertThat(summaries.storyRequests())
        .as("one member: no story brief")
        .doesNotContain(alone.getStoryId());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> RowCounts.count(entityManager, "SELECT count(*) FROM story_brief_request") == 0);
  }

  @Test
  void aStoredArticleIsRequestedAndLeavesTheOutbox() {
    String id = create();

    await().atMost(Duration.ofSeconds(20)).until(() -> summaries.accepted().contains(id));
    await().atMost(Duration.ofSeconds(5)).until(() -> !inOutbox(id));
  }

  @Test
  void anOutageDelaysTheRequestButDoesNotLoseIt() {
    summaries.refuseNext(3);
    String id = create();

    await().atMost(Duration.ofSeconds(30)).until(() -> summaries.accepted().contains(id));
    assertThat(summaries.calls().stream().filter(id::equals).count()).isGreaterThanOrEqualTo(2);
    await().atMost(Duration.ofSeconds(5)).until(() -> !inOutbox(id));
  }

  @Test
  void importedArticlesAreRequestedInBatchesOfAHundredAtMost() {
    List<ImportArticlesRequest> items =
        IntStream.range(0, 250)
            .mapToObj(
                i ->
                    ImportArticlesRequest.newBuilder()
                        .setArticle(
                            ArticleInput.newBuilder()
                                .setUrl("https://example.com/import/" + UUID.randomUUID())
                                .setTitle("Imported " + i)
                                .setText("Text " + i + "."))
                        .build())
            .toList();
    var response =
        streamingArticles
            .importArticles(Multi.createFrom().iterable(items))
            .await()
            .atMost(Duration.ofSeconds(10));

    List<String> ids = response.getResultsList().stream().map(r -> r.getArticleId()).toList();
    await().atMost(Duration.ofSeconds(20)).until(() -> summaries.accepted().containsAll(ids));
    ids.forEach(id -> await().atMost(Duration.ofSeconds(5)).until(() -> !inOutbox(id)));
    assertThat(summaries.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 100));
    assertThat(summaries.batchSizes()).as("not one call per article").anyMatch(size -> size > 1);
  }
}
