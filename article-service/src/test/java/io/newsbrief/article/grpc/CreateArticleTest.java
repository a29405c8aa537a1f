package io.newsbrief.article.grpc;

import static io.newsbrief.article.grpc.GrpcTestSupport.article;
import static io.newsbrief.article.grpc.GrpcTestSupport.statusOf;
import static io.newsbrief.article.grpc.GrpcTestSupport.uniqueUrl;
import static io.newsbrief.article.grpc.GrpcTestSupport.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.newsbrief.commons.grpc.ProtoValues;
import io.newsbrief.proto.article.v1.ArticleInput;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import io.newsbrief.proto.article.v1.CreateArticleRequest;
import io.newsbrief.proto.article.v1.CreateArticleResponse;
import io.newsbrief.proto.article.v1.ListArticlesRequest;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CreateArticleTest {

  @GrpcClient("articles")
  ArticleServiceBlockingStub articles;

  private ArticleServiceBlockingStub stub() {
    return articles.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private CreateArticleResponse create(ArticleInput.Builder input) {
    return stub().createArticle(CreateArticleRequest.newBuilder().setArticle(input).build());
  }

  @Test
  void storesNormalisedArticleWithCanonicalUrlHashAndWordCount() {
    String path = "https://News.Example.COM:443/world/" + UUID.randomUUID();
    CreateArticleResponse response =
        create(
            article("  Talks   resume\tin Geneva ", "First paragraph here.\r\n\r\n\r\nSecond  one.")
                .setUrl(path + "?utm_source=x&id=7&fbclid=abc#comments")
                .setByline("By A. Reporter")
                .setLanguage("EN-gb"));

    assertThat(response.getCreated()).isTrue();
    var stored = response.getArticle();
    assertThat(UUID.fromString(stored.getId())).isNotNull();
    assertThat(stored.getCanonicalUrl())
        .isEqualTo(path.replace("News.Example.COM:443", "news.example.com") + "?id=7");
    assertThat(stored.getTitle()).isEqualTo("Talks resume in Geneva");
    assertThat(stored.getText()).isEqualTo("First paragraph here.\n\nSecond one.");
    assertThat(stored.getWordCount()).isEqualTo(5);
    assertThat(stored.getContentSha256()).hasSize(64).matches("[0-9a-f]+");
    assertThat(stored.getLanguage()).isEqualTo("en-GB");
    assertThat(stored.getPublishedAt()).isEqualTo(stored.getFetchedAt());
  }

  @Test
  void repeatWithTrackingParametersReturnsTheStoredArticle() {
    String url = uniqueUrl();
    CreateArticleResponse first = create(article("Original", "Original text.").setUrl(url));
    CreateArticleResponse second =
        create(article("Changed title", "Other text.").setUrl(url + "?utm_campaign=spring#top"));

    assertThat(first.getCreated()).isTrue();
    assertThat(second.getCreated()).isFalse();
    assertThat(second.getArticle().getId()).isEqualTo(first.getArticle().getId());
    assertThat(second.getArticle().getTitle()).isEqualTo("Original");
  }

  @Test
  void concurrentDuplicatesStoreExactlyOneRow() throws Exception {
    String url = uniqueUrl();
    String source = "race-" + UUID.randomUUID();
    int callers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<CreateArticleResponse>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return create(article("Race", "Same story.").setUrl(url).setSourceName(source));
                }));
      }
      start.countDown();
      List<CreateArticleResponse> responses = new ArrayList<>();
      for (Future<CreateArticleResponse> call : calls) {
        responses.add(call.get(30, TimeUnit.SECONDS));
      }
      assertThat(responses).filteredOn(CreateArticleResponse::getCreated).hasSize(1);
      assertThat(responses)
          .extracting(r -> r.getArticle().getId())
          .containsOnly(responses.get(0).getArticle().getId());
    } finally {
      pool.shutdownNow();
    }
    var listed =
        stub().listArticles(ListArticlesRequest.newBuilder().setSourceName(source).build());
    assertThat(listed.getArticlesList()).hasSize(1);
  }

  @Test
  void extractsTextAndTitleFromHtmlWhenNoTextIsGiven() {
    String html =
        """
        <html><head><title>Rivers Rise After Storm</title></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Rivers Rise After Storm</h1>
        <p>Rivers across the region rose sharply on Monday.</p>
        <p>Officials opened <b>three</b> shelters.</p>
        <script>track()</script></article>
        <footer>Copyright Example</footer></body></html>
        """;
    var stored = create(article("", "").setHtml(html)).getArticle();

    assertThat(stored.getTitle()).isEqualTo("Rivers Rise After Storm");
    assertThat(stored.getText())
        .isEqualTo(
            "Rivers Rise After Storm\n\nRivers across the region rose sharply on Monday.\n\n"
                + "Officials opened three shelters.");
  }

  @Test
  void rejectsEveryBadFieldAtOnceAndWritesNothing() {
    String source = "invalid-" + UUID.randomUUID();
    var failure =
        statusOf(
            () ->
                create(
                    ArticleInput.newBuilder()
                        .setUrl("ftp://files.example.com/a")
                        .setSourceName(source)
                        .setLanguage("not a language!")
                        .setPublishedAt(
                            ProtoValues.timestamp(Instant.now().plusSeconds(7 * 86400)))),
            Status.Code.INVALID_ARGUMENT);

    assertThat(violatedFields(failure))
        .containsExactlyInAnyOrder("url", "text", "title", "language", "published_at");
    var listed =
        stub().listArticles(ListArticlesRequest.newBuilder().setSourceName(source).build());
    assertThat(listed.getArticlesList()).isEmpty();
  }

  @Test
  void rejectsMissingUrlAndOverlongFields() {
    assertThat(
            violatedFields(
                statusOf(() -> create(article("t", "x").setUrl("")), Status.Code.INVALID_ARGUMENT)))
        .containsExactly("url");
    assertThat(
            violatedFields(
                statusOf(
                    () ->
                        create(article("t", "x").setUrl("https://example.com/" + "a".repeat(2100))),
                    Status.Code.INVALID_ARGUMENT)))
        .containsExactly("url");
    assertThat(
            violatedFields(
                statusOf(
                    () -> create(article("t".repeat(501), "x")), Status.Code.INVALID_ARGUMENT)))
        .containsExactly("title");
    assertThat(
            violatedFields(
                statusOf(
                    () -> create(article("t", "x").setByline("b".repeat(201))),
                    Status.Code.INVALID_ARGUMENT)))
        .containsExactly("byline");
    assertThat(
            violatedFields(
                statusOf(
                    () -> create(article("t", "not a url").setUrl("news.example.com/a")),
                    Status.Code.INVALID_ARGUMENT)))
        .containsExactly("url");
  }

  @Test
  void rejectsTextOverTheConfiguredLimit() {
    String text = "word ".repeat(220_000); // ~1.1 MB, over the 1 MiB default
    assertThat(
            violatedFields(
                statusOf(() -> create(article("Huge", text)), Status.Code.INVALID_ARGUMENT)))
        .containsExactly("text");
  }

  @Test
  void controlCharactersAreStrippedNotStored() {
    var stored =
        create(article("Null\u0000 byte", "Text with \u0000 a NUL and \u0007 bell.")).getArticle();
    assertThat(stored.getTitle()).isEqualTo("Null byte");
    assertThat(stored.getText()).isEqualTo("Text with a NUL and bell.");
  }
}
