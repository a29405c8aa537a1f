package io.newsbrief.gateway.client;

import static io.newsbrief.gateway.client.Downstream.call;
import static io.newsbrief.gateway.client.Downstream.emptyToNull;
import static io.newsbrief.gateway.client.Downstream.orEmpty;

import io.newsbrief.commons.grpc.ProtoValues;
import io.newsbrief.gateway.config.GatewayConfig;
import io.newsbrief.gateway.model.Article;
import io.newsbrief.gateway.model.NewArticle;
import io.newsbrief.gateway.model.Page;
import io.newsbrief.proto.article.v1.ArticleInput;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import io.newsbrief.proto.article.v1.ArticleView;
import io.newsbrief.proto.article.v1.CreateArticleRequest;
import io.newsbrief.proto.article.v1.GetArticleRequest;
import io.newsbrief.proto.article.v1.ListArticlesRequest;
import io.newsbrief.proto.article.v1.SearchArticlesRequest;
import io.newsbrief.proto.article.v1.SearchResult;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * article-service for the gateway. Every call has a deadline and is retried once when the service
 * was unreachable (all of them are idempotent: creation is keyed by canonical URL); a circuit
 * breaker per operation stops calling a service that keeps failing. Answers about bad input are
 * {@link DownstreamRejection}s: neither retried nor counted.
 */
@ApplicationScoped
@Retry(maxRetries = 1, delay = 50)
@RetryWhen(exception = Downstream.IsUnavailable.class)
@CircuitBreaker(
    requestVolumeThreshold = 20,
    failureRatio = 0.5,
    delay = 5000,
    skipOn = DownstreamRejection.class)
public class ArticlesClient {

  private final ArticleServiceBlockingStub articles;
  private final long deadlineMillis;

  ArticlesClient(
      @GrpcClient("articles") ArticleServiceBlockingStub articles, GatewayConfig config) {
    this.articles = articles;
    this.deadlineMillis = config.downstreamDeadline().toMillis();
  }

  /** A stored article, and whether this call stored it. */
  public record Created(Article article, boolean created) {}

  public Created create(NewArticle article) {
    ArticleInput.Builder input =
        ArticleInput.newBuilder()
            .setUrl(orEmpty(article.url()))
            .setTitle(orEmpty(article.title()))
            .setByline(orEmpty(article.byline()))
            .setSourceName(orEmpty(article.sourceName()))
            .setLanguage(orEmpty(article.language()))
            .setText(orEmpty(article.text()))
            .setHtml(orEmpty(article.html()));
    if (article.publishedAt() != null) {
      input.setPublishedAt(ProtoValues.timestamp(article.publishedAt()));
    }
    var response =
        call(
            () ->
                stub().createArticle(CreateArticleRequest.newBuilder().setArticle(input).build()));
    return new Created(toModel(response.getArticle(), true), response.getCreated());
  }

  public Article get(String id) {
    return toModel(
        call(() -> stub().getArticle(GetArticleRequest.newBuilder().setId(id).build())), true);
  }

  public Page<Article> list(String source, String language, int limit, String cursor) {
    var response =
        call(
            () ->
                stub()
                    .listArticles(
                        ListArticlesRequest.newBuilder()
                            .setSourceName(orEmpty(source))
                            .setLanguage(orEmpty(language))
                            .setPageSize(limit)
                            .setPageToken(orEmpty(cursor))
                            .setView(ArticleView.ARTICLE_VIEW_BASIC)
                            .build()));
    return new Page<>(
        response.getArticlesList().stream().map(a -> toModel(a, false)).toList(),
        emptyToNull(response.getNextPageToken()),
        null);
  }

  public Page<Article> search(
      String query, String source, String language, int limit, String cursor) {
    var response =
        call(
            () ->
                stub()
                    .searchArticles(
                        SearchArticlesRequest.newBuilder()
                            .setQuery(query)
                            .setSourceName(orEmpty(source))
                            .setLanguage(orEmpty(language))
                            .setPageSize(limit)
                            .setPageToken(orEmpty(cursor))
                            .setView(ArticleView.ARTICLE_VIEW_BASIC)
                            .build()));
    List<Article> hits =
        response.getResultsList().stream()
            .map(SearchResult::getArticle)
            .map(a -> toModel(a, false))
            .toList();
    return new Page<>(hits, emptyToNull(response.getNextPageToken()), null);
  }

  private ArticleServiceBlockingStub stub() {
    return articles.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS);
  }

  private static Article toModel(io.newsbrief.proto.article.v1.Article article, boolean withText) {
    return new Article(
        article.getId(),
        article.getUrl(),
        article.getCanonicalUrl(),
        article.getTitle(),
        emptyToNull(article.getByline()),
        emptyToNull(article.getSourceName()),
        article.getLanguage(),
        ProtoValues.instant("published_at", article.getPublishedAt()),
        ProtoValues.instant("fetched_at", article.getFetchedAt()),
        article.getWordCount(),
        withText ? article.getText() : null);
  }
}
