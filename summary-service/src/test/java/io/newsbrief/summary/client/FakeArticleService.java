package io.newsbrief.summary.client;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.newsbrief.proto.article.v1.Article;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc;
import io.newsbrief.proto.article.v1.ArticleView;
import io.newsbrief.proto.article.v1.BatchGetArticlesRequest;
import io.newsbrief.proto.article.v1.BatchGetArticlesResponse;
import io.newsbrief.proto.article.v1.GetArticleRequest;
import io.quarkus.grpc.GrpcService;

/**
 * article-service as the tests need it, served by the test application on its own port, so the
 * "articles" client reaches it over a real gRPC channel. Implements the generated base class:
 * methods summary-service never calls answer UNIMPLEMENTED.
 */
@GrpcService
public class FakeArticleService extends ArticleServiceGrpc.ArticleServiceImplBase {

  private final FakeArticles articles;

  FakeArticleService(FakeArticles articles) {
    this.articles = articles;
  }

  @Override
  public void getArticle(GetArticleRequest request, StreamObserver<Article> response) {
    if (articles.takeUnavailable(request.getId())) {
      response.onError(Status.UNAVAILABLE.withDescription("fake outage").asRuntimeException());
      return;
    }
    articles
        .fullText(request.getId())
        .ifPresentOrElse(
            article -> {
              response.onNext(article);
              response.onCompleted();
            },
            () -> response.onError(Status.NOT_FOUND.asRuntimeException()));
  }

  @Override
  public void batchGetArticles(
      BatchGetArticlesRequest request, StreamObserver<BatchGetArticlesResponse> response) {
    var answer = BatchGetArticlesResponse.newBuilder();
    for (String id : request.getIdsList()) {
      var article =
          request.getView() == ArticleView.ARTICLE_VIEW_FULL
              ? articles.fullText(id)
              : articles.header(id);
      article.ifPresentOrElse(answer::addArticles, () -> answer.addMissingIds(id));
    }
    response.onNext(answer.build());
    response.onCompleted();
  }
}
