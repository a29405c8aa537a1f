package io.newsbrief.summary.client;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.newsbrief.proto.article.v1.GetStoryRequest;
import io.newsbrief.proto.article.v1.Story;
import io.newsbrief.proto.article.v1.StoryServiceGrpc;
import io.quarkus.grpc.GrpcService;

/** article-service's stories as the tests need them ({@link FakeArticles#addStory}). */
@GrpcService
public class FakeStoryService extends StoryServiceGrpc.StoryServiceImplBase {

  private final FakeArticles articles;

  FakeStoryService(FakeArticles articles) {
    this.articles = articles;
  }

  @Override
  public void getStory(GetStoryRequest request, StreamObserver<Story> response) {
    if (articles.takeUnavailableStory(request.getId())) {
      response.onError(Status.UNAVAILABLE.asRuntimeException());
      return;
    }
    articles
        .story(request.getId())
        .ifPresentOrElse(
            story -> {
              response.onNext(story);
              response.onCompleted();
            },
            () -> response.onError(Status.NOT_FOUND.asRuntimeException()));
  }
}
