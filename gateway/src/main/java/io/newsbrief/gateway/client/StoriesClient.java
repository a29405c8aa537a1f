package io.newsbrief.gateway.client;

import io.newsbrief.commons.grpc.ProtoValues;
import io.newsbrief.gateway.config.GatewayConfig;
import io.newsbrief.gateway.model.Page;
import io.newsbrief.gateway.model.Story;
import io.newsbrief.proto.article.v1.GetStoryRequest;
import io.newsbrief.proto.article.v1.ListStoriesRequest;
import io.newsbrief.proto.article.v1.StoryMember;
import io.newsbrief.proto.article.v1.StoryServiceGrpc.StoryServiceBlockingStub;
import io.quarkus.grpc.GrpcClient;
import jakarta.inject.Singleton;

/**
 * The stories of article-service, with the deadlines, retries and breakers of {@link
 * DownstreamClient}.
 */
@Singleton
public class StoriesClient extends DownstreamClient<StoryServiceBlockingStub> {

  StoriesClient(@GrpcClient("articles") StoryServiceBlockingStub stories, GatewayConfig config) {
    super("article-service", stories, config);
  }

  /** The story {@code id}, or the one it was merged into (the answer's id). */
  public Story get(String id) {
    return toStory(call(stub -> stub.getStory(GetStoryRequest.newBuilder().setId(id).build())));
  }

  public Page<Story> list(String language, String query, int limit, String cursor) {
    var response =
        call(
            stub ->
                stub.listStories(
                    ListStoriesRequest.newBuilder()
                        .setLanguage(orEmpty(language))
                        .setQuery(orEmpty(query))
                        .setPageSize(limit)
                        .setPageToken(orEmpty(cursor))
                        .build()));
    return new Page<>(
        response.getStoriesList().stream().map(StoriesClient::toStory).toList(),
        emptyToNull(response.getNextPageToken()),
        null);
  }

  private static Story toStory(io.newsbrief.proto.article.v1.Story story) {
    return new Story(
        story.getId(),
        story.getHeadline(),
        story.getLanguage(),
        ProtoValues.instant("first_published_at", story.getFirstPublishedAt()),
        ProtoValues.instant("last_published_at", story.getLastPublishedAt()),
        ProtoValues.instant("updated_at", story.getUpdatedAt()),
        story.getArticleCount(),
        story.getSourceCount(),
        story.getMembersCount() == 0
            ? null
            : story.getMembersList().stream().map(StoriesClient::toMember).toList(),
        null);
  }

  private static Story.Member toMember(StoryMember member) {
    return new Story.Member(
        member.getArticleId(),
        emptyToNull(member.getSourceName()),
        member.getTitle(),
        member.getCanonicalUrl(),
        ProtoValues.instant("published_at", member.getPublishedAt()));
  }
}
