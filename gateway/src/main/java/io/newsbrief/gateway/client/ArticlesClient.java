package io.newsbrief.gateway.client;

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
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The articles of article-service for the gateway (creation is idempotent downstream: keyed by
 * canonical URL), with the deadlines, retries and breakers of {@link DownstreamClient}.
 */
@Singleton
public class ArticlesClient extends DownstreamClient<ArticleServiceBlockingStub> {

  ArticlesClient(
      @GrpcClient("articles") ArticleServiceBlockingStub articles, GatewayConfig config) {
    super("article-service", articles, config);
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
            stub ->
                stub.createArticle(CreateArticleRequest.newBuilder().setArticle(input).build()));
    return new Created(toModel(response.getArticle(), true), response.getCreated());
  }

  public Article get(String id) {
    return toModel(
        call(stub -> stub.getArticle(GetArticleRequest.newBuilder().setId(id).build())), true);
  }

  public Page<Article> list(String source, String language, int limit, String cursor) {
    var response =
        call(
            stub ->
                stub.listArticles(
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
            stub ->
                stub.searchArticles(
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
        emptyToNull(article.getStoryId()),
        withText ? article.getText() : null);
  }
}
