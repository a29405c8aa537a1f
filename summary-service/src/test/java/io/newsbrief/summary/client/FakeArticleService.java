package io.newsbrief.summary.client;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc;
import io.newsbrief.proto.article.v1.ArticleView;
import io.newsbrief.proto.article.v1.BatchGetArticlesRequest;
import io.newsbrief.proto.article.v1.BatchGetArticlesResponse;
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
  public void batchGetArticles(
      BatchGetArticlesRequest request, StreamObserver<BatchGetArticlesResponse> response) {
    boolean full = request.getView() == ArticleView.ARTICLE_VIEW_FULL;
    if (full && request.getIdsList().stream().anyMatch(articles::takeUnavailable)) {
      response.onError(Status.UNAVAILABLE.withDescription("fake outage").asRuntimeException());
      return;
    }
    var answer = BatchGetArticlesResponse.newBuilder();
    for (String id : request.getIdsList()) {
      var article = full ? articles.fullText(id) : articles.header(id);
      article.ifPresentOrElse(answer::addArticles, () -> answer.addMissingIds(id));
    }
    response.onNext(answer.build());
    response.onCompleted();
  }
}
