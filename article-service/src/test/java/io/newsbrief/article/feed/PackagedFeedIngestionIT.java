package io.newsbrief.article.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Duration;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.newsbrief.proto.article.v1.AddFeedRequest;
import io.newsbrief.proto.article.v1.Article;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc;
import io.newsbrief.proto.article.v1.ArticleView;
import io.newsbrief.proto.article.v1.FeedServiceGrpc;
import io.newsbrief.proto.article.v1.ListArticlesRequest;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The feed pipeline in the packaged service — with {@code -Dnative}, in the native executable: an
 * RSS feed parsed by ROME, its pages fetched and extracted (jsoup, Readability), metadata read, a
 * language detected from the text (language-detector's bundled profiles).
 */
@QuarkusIntegrationTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(FeedSiteResource.class)
class PackagedFeedIngestionIT {

  @Test
  void aFeedBecomesArticlesWithWhatTheirPagesSay() throws InterruptedException {
    int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    try {
      FeedServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .addFeed(
              AddFeedRequest.newBuilder()
                  .setUrl(FeedSiteResource.feedUrl())
                  .setPollInterval(Duration.newBuilder().setSeconds(3600))
                  .build());
      var articles = ArticleServiceGrpc.newBlockingStub(channel);
      List<Article> stored =
          await()
              .atMost(60, TimeUnit.SECONDS)
              .until(
                  () ->
                      articles
                          .withDeadlineAfter(5, TimeUnit.SECONDS)
                          .listArticles(
                              ListArticlesRequest.newBuilder()
                                  .setPageSize(10)
                                  .setView(ArticleView.ARTICLE_VIEW_FULL)
                                  .build())
                          .getArticlesList(),
                  list -> list.size() == 3);

      Article tram = byTitle(stored, "Council backs river tram extension");
      assertThat(tram.getByline()).isEqualTo("Priya Nandakumar");
      assertThat(tram.getLanguage()).isEqualTo("en-GB");
      assertThat(tram.getText())
          .startsWith("Council backs river tram extension\n\nThe city council voted on Tuesday")
          .doesNotContain("Most read", "cookies");
      assertThat(byTitle(stored, "La bibliothèque municipale rouvre").getLanguage())
          .as("detected from the text")
          .isEqualTo("fr");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static Article byTitle(List<Article> articles, String title) {
    return articles.stream()
        .filter(article -> article.getTitle().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no article " + title + " in " + articles.size()));
  }
}
