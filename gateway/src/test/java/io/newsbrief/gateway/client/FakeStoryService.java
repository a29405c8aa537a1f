package io.newsbrief.gateway.client;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.grpc.GrpcStatusMapper;
import io.newsbrief.proto.article.v1.Article;
import io.newsbrief.proto.article.v1.GetStoryRequest;
import io.newsbrief.proto.article.v1.ListStoriesRequest;
import io.newsbrief.proto.article.v1.ListStoriesResponse;
import io.newsbrief.proto.article.v1.Story;
import io.newsbrief.proto.article.v1.StoryMember;
import io.newsbrief.proto.article.v1.StoryServiceGrpc;
import io.quarkus.grpc.GrpcService;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * article-service's stories as the gateway tests need them: the fake's articles grouped by story
 * id, the latest published story first, in pages of page_size with the offset as the token.
 */
@GrpcService
public class FakeStoryService extends StoryServiceGrpc.StoryServiceImplBase {

  private final FakeDownstreams state;

  FakeStoryService(FakeDownstreams state) {
    this.state = state;
  }

  @Override
  public void getStory(GetStoryRequest request, StreamObserver<Story> response) {
    if (down(response)) {
      return;
    }
    String id = state.storyAliases.getOrDefault(request.getId(), request.getId());
    stories().stream()
        .filter(story -> story.getId().equals(id))
        .findFirst()
        .ifPresentOrElse(
            story -> {
              response.onNext(story);
              response.onCompleted();
            },
            () -> response.onError(Status.NOT_FOUND.asRuntimeException()));
  }

  @Override
  public void listStories(
      ListStoriesRequest request, StreamObserver<ListStoriesResponse> response) {
    if (down(response)) {
      return;
    }
    if (request.getPageSize() < 0) {
      response.onError(
          GrpcStatusMapper.toStatus(
              new InvalidArgumentException("page_size", "must not be negative")));
      return;
    }
    List<Story> all = stories();
    int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
    int size = request.getPageSize() == 0 ? 20 : request.getPageSize();
    int to = Math.min(all.size(), from + size);
    var answer = ListStoriesResponse.newBuilder().setNextPageToken(to < all.size() ? "" + to : "");
    all.subList(from, to).forEach(story -> answer.addStories(story.toBuilder().clearMembers()));
    response.onNext(answer.build());
    response.onCompleted();
  }

  private List<Story> stories() {
    return state.articlesByUrl.values().stream()
        .collect(Collectors.groupingBy(Article::getStoryId))
        .entrySet()
        .stream()
        .map(entry -> story(entry.getKey(), entry.getValue()))
        .sorted(
            Comparator.comparing((Story story) -> story.getLastPublishedAt().getSeconds())
                .reversed())
        .toList();
  }

  private static Story story(String id, List<Article> articles) {
    List<Article> members =
        articles.stream()
            .sorted(Comparator.comparing(article -> article.getPublishedAt().getSeconds()))
            .toList();
    Story.Builder story =
        Story.newBuilder()
            .setId(id)
            .setHeadline(members.get(0).getTitle())
            .setLanguage("en")
            .setFirstPublishedAt(members.get(0).getPublishedAt())
            .setLastPublishedAt(members.get(members.size() - 1).getPublishedAt())
            .setUpdatedAt(members.get(members.size() - 1).getPublishedAt())
            .setArticleCount(members.size())
            .setSourceCount((int) members.stream().map(Article::getSourceName).distinct().count());
    members.forEach(
        article ->
            story.addMembers(
                StoryMember.newBuilder()
                    .setArticleId(article.getId())
                    .setSourceName(article.getSourceName())
                    .setTitle(article.getTitle())
                    .setCanonicalUrl(article.getCanonicalUrl())
                    .setPublishedAt(article.getPublishedAt())));
    return story.build();
  }

  private boolean down(StreamObserver<?> response) {
    state.articleCalls.incrementAndGet();
    if (state.articlesDown) {
      response.onError(Status.UNAVAILABLE.withDescription("fake outage").asRuntimeException());
    }
    return state.articlesDown;
  }
}
