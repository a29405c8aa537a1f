package io.newsbrief.gateway.client;

import com.google.protobuf.Duration;
import io.newsbrief.commons.grpc.ProtoValues;
import io.newsbrief.gateway.config.GatewayConfig;
import io.newsbrief.gateway.model.Feed;
import io.newsbrief.gateway.model.NewFeed;
import io.newsbrief.gateway.model.Page;
import io.newsbrief.proto.article.v1.AddFeedRequest;
import io.newsbrief.proto.article.v1.FeedServiceGrpc.FeedServiceBlockingStub;
import io.newsbrief.proto.article.v1.FeedStatus;
import io.newsbrief.proto.article.v1.GetFeedRequest;
import io.newsbrief.proto.article.v1.ListFeedsRequest;
import io.newsbrief.proto.article.v1.PauseFeedRequest;
import io.newsbrief.proto.article.v1.RefreshFeedRequest;
import io.newsbrief.proto.article.v1.RemoveFeedRequest;
import io.newsbrief.proto.article.v1.ResumeFeedRequest;
import io.quarkus.grpc.GrpcClient;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * The feeds of article-service (its FeedService, on the same channel as its articles), with the
 * deadlines, retries and breakers of {@link DownstreamClient}. A retried AddFeed whose first
 * attempt did land answers 409, which is the truth.
 */
@Singleton
public class FeedsClient extends DownstreamClient<FeedServiceBlockingStub> {

  FeedsClient(@GrpcClient("articles") FeedServiceBlockingStub feeds, GatewayConfig config) {
    super("article-service", feeds, config);
  }

  public Feed add(NewFeed feed) {
    AddFeedRequest.Builder request =
        AddFeedRequest.newBuilder()
            .setUrl(orEmpty(feed.url()))
            .setSourceName(orEmpty(feed.sourceName()));
    if (feed.pollIntervalMinutes() != null) {
      request.setPollInterval(
          Duration.newBuilder().setSeconds(Math.max(0, feed.pollIntervalMinutes()) * 60L));
    }
    return toModel(call(stub -> stub.addFeed(request.build())));
  }

  public Feed get(String id) {
    return toModel(call(stub -> stub.getFeed(GetFeedRequest.newBuilder().setId(id).build())));
  }

  public Page<Feed> list(int limit, String cursor) {
    var response =
        call(
            stub ->
                stub.listFeeds(
                    ListFeedsRequest.newBuilder()
                        .setPageSize(limit)
                        .setPageToken(orEmpty(cursor))
                        .build()));
    return new Page<>(
        response.getFeedsList().stream().map(FeedsClient::toModel).toList(),
        emptyToNull(response.getNextPageToken()),
        null);
  }

  public void remove(String id) {
    call(stub -> stub.removeFeed(RemoveFeedRequest.newBuilder().setId(id).build()));
  }

  public Feed pause(String id) {
    return toModel(call(stub -> stub.pauseFeed(PauseFeedRequest.newBuilder().setId(id).build())));
  }

  public Feed resume(String id) {
    return toModel(call(stub -> stub.resumeFeed(ResumeFeedRequest.newBuilder().setId(id).build())));
  }

  public Feed refresh(String id) {
    return toModel(
        call(stub -> stub.refreshFeed(RefreshFeedRequest.newBuilder().setId(id).build())));
  }

  private static Feed toModel(io.newsbrief.proto.article.v1.Feed feed) {
    FeedStatus status = feed.getStatus();
    return new Feed(
        feed.getId(),
        feed.getUrl(),
        feed.getCanonicalUrl(),
        emptyToNull(feed.getTitle()),
        emptyToNull(feed.getSourceName()),
        feed.getPollInterval().getSeconds() / 60,
        feed.getPaused(),
        ProtoValues.instant("created_at", feed.getCreatedAt()),
        new Feed.Status(
            status.hasLastPolledAt() ? instant(status.getLastPolledAt()) : null,
            status.hasLastSuccessAt() ? instant(status.getLastSuccessAt()) : null,
            instant(status.getNextPollAt()),
            emptyToNull(status.getLastError()),
            status.getConsecutiveFailures(),
            status.getLastHttpStatus() == 0 ? null : status.getLastHttpStatus(),
            status.getEntriesSeen(),
            status.getArticlesCreated()));
  }

  private static Instant instant(com.google.protobuf.Timestamp timestamp) {
    return ProtoValues.instant("status", timestamp);
  }
}
