package io.newsbrief.summary.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.newsbrief.commons.error.NotFoundException;
import io.newsbrief.commons.error.UnavailableException;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import io.newsbrief.proto.article.v1.ArticleView;
import io.newsbrief.proto.article.v1.BatchGetArticlesRequest;
import io.newsbrief.proto.article.v1.BatchGetArticlesResponse;
import io.newsbrief.proto.article.v1.GetArticleRequest;
import io.newsbrief.summary.config.SummaryConfig;
import io.newsbrief.summary.summarizer.ArticleContent;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * article-service as summary-service needs it. Each call has its own deadline; a failed call is
 * retried twice with jitter, then reported as {@link UnavailableException}. Proto and gRPC types
 * stop here.
 */
@ApplicationScoped
public class ArticleClient {

  private final ArticleServiceBlockingStub articles;
  private final long deadlineMillis;

  ArticleClient(@GrpcClient("articles") ArticleServiceBlockingStub articles, SummaryConfig config) {
    this.articles = articles;
    this.deadlineMillis = config.articleDeadline().toMillis();
  }

  /** What a brief's header shows, and the content hash that keys its job. */
  public record ArticleHeader(
      UUID id,
      String title,
      String canonicalUrl,
      String sourceName,
      String language,
      String contentSha256) {}

  /**
   * @throws NotFoundException when article-service does not know the article
   */
  @Retry(maxRetries = 2, delay = 200, jitter = 100)
  @RetryWhen(exception = IsUnavailable.class)
  public ArticleHeader header(UUID articleId) {
    BatchGetArticlesResponse response;
    try {
      response =
          articles
              .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
              .batchGetArticles(
                  BatchGetArticlesRequest.newBuilder()
                      .addIds(articleId.toString())
                      .setView(ArticleView.ARTICLE_VIEW_BASIC)
                      .build());
    } catch (StatusRuntimeException e) {
      throw unavailable(e);
    }
    if (response.getArticlesCount() == 0) {
      throw new NotFoundException("article " + articleId + " not found");
    }
    var article = response.getArticles(0);
    return new ArticleHeader(
        articleId,
        article.getTitle(),
        article.getCanonicalUrl(),
        article.getSourceName(),
        article.getLanguage(),
        article.getContentSha256());
  }

  /**
   * @throws NotFoundException when article-service does not know the article
   */
  @Retry(maxRetries = 2, delay = 200, jitter = 100)
  @RetryWhen(exception = IsUnavailable.class)
  public ArticleContent content(UUID articleId) {
    try {
      var article =
          articles
              .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
              .getArticle(GetArticleRequest.newBuilder().setId(articleId.toString()).build());
      return new ArticleContent(article.getTitle(), article.getText(), article.getLanguage());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new NotFoundException("article " + articleId + " not found");
      }
      throw unavailable(e);
    }
  }

  private static UnavailableException unavailable(StatusRuntimeException failure) {
    return new UnavailableException(
        "article-service answered " + failure.getStatus().getCode(), failure);
  }

  /** Retry only what a retry can fix: not a missing article. */
  public static final class IsUnavailable implements Predicate<Throwable> {
    @Override
    public boolean test(Throwable failure) {
      return failure instanceof UnavailableException;
    }
  }
}
