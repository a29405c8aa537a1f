package io.newsbrief.article.grpc;

import static io.newsbrief.article.grpc.GrpcTestSupport.article;
import static io.newsbrief.article.grpc.GrpcTestSupport.uniqueUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsbrief.proto.article.v1.ArticleInput;
import io.newsbrief.proto.article.v1.ArticleService;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import io.newsbrief.proto.article.v1.CreateArticleRequest;
import io.newsbrief.proto.article.v1.ImportArticlesRequest;
import io.newsbrief.proto.article.v1.ImportArticlesResponse;
import io.newsbrief.proto.article.v1.ImportItemResult;
import io.newsbrief.proto.article.v1.ImportOutcome;
import io.newsbrief.proto.article.v1.ListArticlesRequest;
import io.newsbrief.proto.article.v1.WatchArticlesRequest;
import io.newsbrief.proto.article.v1.WatchArticlesResponse;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ImportAndWatchTest {

  @GrpcClient("articles")
  ArticleService client;

  @GrpcClient("articles")
  ArticleServiceBlockingStub blocking;

  private static ImportArticlesRequest item(ArticleInput.Builder input) {
    return ImportArticlesRequest.newBuilder().setArticle(input).build();
  }

  @Test
  void importsAMixOfGoodDuplicateAndBadItemsReportingEachByIndex() {
    String source = "import-" + UUID.randomUUID();
    String existingUrl = uniqueUrl();
    String existingId =
        blocking
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .createArticle(
                CreateArticleRequest.newBuilder()
                    .setArticle(
                        article("Existing", "Stored before.")
                            .setUrl(existingUrl)
                            .setSourceName(source))
                    .build())
            .getArticle()
            .getId();
    String repeatedUrl = uniqueUrl();

    List<ImportArticlesRequest> items = new ArrayList<>();
    items.add(item(article("Good 0", "Text 0.").setSourceName(source))); // 0 created
    items.add(
        item(
            article("Dup of existing", "x")
                .setUrl(existingUrl + "?utm_medium=rss"))); // 1 duplicate
    items.add(item(article("", "No title").setSourceName(source))); // 2 rejected
    items.add(
        item(
            article("Twice", "First copy.")
                .setUrl(repeatedUrl)
                .setSourceName(source))); // 3 created
    items.add(
        item(article("Twice", "Second copy.").setUrl(repeatedUrl).setSourceName(source))); // 4 dup
    items.add(item(article("Bad url", "x").setUrl("javascript:alert(1)"))); // 5 rejected
    // Enough more to span several batches of the default size (500).
    IntStream.range(0, 1200)
        .forEach(
            i -> items.add(item(article("Bulk " + i, "Bulk text " + i).setSourceName(source))));

    ImportArticlesResponse response =
        client
            .importArticles(Multi.createFrom().iterable(items))
            .await()
            .atMost(Duration.ofSeconds(60));

    assertThat(response.getCreatedCount()).isEqualTo(1202);
    assertThat(response.getDuplicateCount()).isEqualTo(2);
    assertThat(response.getRejectedCount()).isEqualTo(2);
    assertThat(response.getResultsList())
        .extracting(ImportItemResult::getIndex)
        .containsExactlyElementsOf(IntStream.range(0, 1206).boxed().toList());
    List<ImportItemResult> results = response.getResultsList();
    assertThat(results.get(0).getOutcome()).isEqualTo(ImportOutcome.IMPORT_OUTCOME_CREATED);
    assertThat(results.get(1).getOutcome()).isEqualTo(ImportOutcome.IMPORT_OUTCOME_DUPLICATE);
    assertThat(results.get(1).getArticleId()).isEqualTo(existingId);
    assertThat(results.get(2).getOutcome()).isEqualTo(ImportOutcome.IMPORT_OUTCOME_REJECTED);
    assertThat(results.get(2).getReason()).contains("title");
    assertThat(results.get(3).getOutcome()).isEqualTo(ImportOutcome.IMPORT_OUTCOME_CREATED);
    assertThat(results.get(4).getOutcome()).isEqualTo(ImportOutcome.IMPORT_OUTCOME_DUPLICATE);
    assertThat(results.get(4).getArticleId()).isEqualTo(results.get(3).getArticleId());
    assertThat(results.get(5).getReason()).contains("url");

    int stored = 0;
    String token = "";
    do {
      var page =
          blocking
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .listArticles(
                  ListArticlesRequest.newBuilder()
                      .setSourceName(source)
                      .setPageSize(100)
                      .setPageToken(token)
                      .build());
      stored += page.getArticlesCount();
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    assertThat(stored).isEqualTo(1 + 1202);
  }

  @Test
  void concurrentImportsOfTheSameArticlesInOppositeOrderStoreEachOnce() {
    String source = "concurrent-" + UUID.randomUUID();
    List<String> urls = IntStream.range(0, 1000).mapToObj(i -> uniqueUrl()).toList();
    List<ImportArticlesRequest> forward = new ArrayList<>();
    for (String url : urls) {
      forward.add(
          item(article("Shared " + url, "Text of " + url).setUrl(url).setSourceName(source)));
    }
    List<ImportArticlesRequest> backward = new ArrayList<>(forward);
    java.util.Collections.reverse(backward);

    // Each stream writes two batches at once, and the two streams race over the same URLs.
    var first =
        client.importArticles(Multi.createFrom().iterable(forward)).subscribeAsCompletionStage();
    var second =
        client.importArticles(Multi.createFrom().iterable(backward)).subscribeAsCompletionStage();
    ImportArticlesResponse one = first.toCompletableFuture().join();
    ImportArticlesResponse other = second.toCompletableFuture().join();

    assertThat(one.getCreatedCount() + other.getCreatedCount()).isEqualTo(urls.size());
    assertThat(one.getDuplicateCount() + other.getDuplicateCount()).isEqualTo(urls.size());
    for (int i = 0; i < urls.size(); i++) {
      assertThat(other.getResults(urls.size() - 1 - i).getArticleId())
          .as("article stored under %s", urls.get(i))
          .isEqualTo(one.getResults(i).getArticleId());
    }
  }

  @Test
  void anUnreadableTimestampRejectsOnlyItsItem() {
    var badTimestamp = com.google.protobuf.Timestamp.newBuilder().setSeconds(0).setNanos(-5);
    ImportArticlesResponse response =
        client
            .importArticles(
                Multi.createFrom()
                    .items(
                        item(article("Bad time", "x").setPublishedAt(badTimestamp)),
                        item(article("Good time", "y"))))
            .await()
            .atMost(Duration.ofSeconds(10));

    assertThat(response.getRejectedCount()).isEqualTo(1);
    assertThat(response.getCreatedCount()).isEqualTo(1);
    assertThat(response.getResults(0).getReason()).startsWith("published_at");
  }

  @Test
  void emptyImportStreamReportsNothing() {
    ImportArticlesResponse response =
        client.importArticles(Multi.createFrom().empty()).await().atMost(Duration.ofSeconds(10));
    assertThat(response.getResultsCount()).isZero();
    assertThat(response.getCreatedCount()).isZero();
  }

  @Test
  void watchStreamsNewlyStoredArticlesMatchingItsFilter() {
    String source = "watch-" + UUID.randomUUID();
    List<WatchArticlesResponse> received = new CopyOnWriteArrayList<>();
    Cancellable watch =
        client
            .watchArticles(WatchArticlesRequest.newBuilder().setSourceName(source).build())
            .subscribe()
            .with(received::add);
    try {
      // The subscription is set up asynchronously: keep storing until one arrives.
      List<String> createdIds = new CopyOnWriteArrayList<>();
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                createdIds.add(
                    blocking
                        .withDeadlineAfter(10, TimeUnit.SECONDS)
                        .createArticle(
                            CreateArticleRequest.newBuilder()
                                .setArticle(article("Watched", "Body.").setSourceName(source))
                                .build())
                        .getArticle()
                        .getId());
                blocking
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .createArticle(
                        CreateArticleRequest.newBuilder()
                            .setArticle(article("Other source", "Body.").setSourceName("elsewhere"))
                            .build());
                return !received.isEmpty();
              });
      assertThat(received)
          .allSatisfy(r -> assertThat(r.getArticle().getSourceName()).isEqualTo(source));
      assertThat(received).allSatisfy(r -> assertThat(r.getArticle().getText()).isEmpty());
      assertThat(createdIds).contains(received.get(0).getArticle().getId());
    } finally {
      watch.cancel();
    }
  }
}
