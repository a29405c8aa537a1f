package io.newsbrief.article.grpc;

import com.google.protobuf.Empty;
import io.newsbrief.article.feed.FeedRegistry;
import io.newsbrief.commons.grpc.GrpcCalls;
import io.newsbrief.commons.ids.Uuids;
import io.newsbrief.proto.article.v1.AddFeedRequest;
import io.newsbrief.proto.article.v1.Feed;
import io.newsbrief.proto.article.v1.FeedService;
import io.newsbrief.proto.article.v1.GetFeedRequest;
import io.newsbrief.proto.article.v1.ListFeedsRequest;
import io.newsbrief.proto.article.v1.ListFeedsResponse;
import io.newsbrief.proto.article.v1.PauseFeedRequest;
import io.newsbrief.proto.article.v1.RefreshFeedRequest;
import io.newsbrief.proto.article.v1.RemoveFeedRequest;
import io.newsbrief.proto.article.v1.ResumeFeedRequest;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** The gRPC edge of feeds: maps messages, calls {@link FeedRegistry}, maps errors. */
@GrpcService
public class FeedGrpcService implements FeedService {

  private final FeedRegistry registry;

  FeedGrpcService(FeedRegistry registry) {
    this.registry = registry;
  }

  @Override
  @Blocking
  public Uni<Feed> addFeed(AddFeedRequest request) {
    return GrpcCalls.unary(
        () ->
            FeedMessages.toProto(
                registry.add(
                    request.getUrl(),
                    request.getSourceName(),
                    FeedMessages.pollInterval(
                        request.hasPollInterval(), request.getPollInterval()))));
  }

  @Override
  @Blocking
  public Uni<Feed> getFeed(GetFeedRequest request) {
    return GrpcCalls.unary(
        () -> FeedMessages.toProto(registry.get(Uuids.parse("id", request.getId()))));
  }

  @Override
  @Blocking
  public Uni<ListFeedsResponse> listFeeds(ListFeedsRequest request) {
    return GrpcCalls.unary(
        () -> {
          var page = registry.list(request.getPageSize(), request.getPageToken());
          var response = ListFeedsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(feed -> response.addFeeds(FeedMessages.toProto(feed)));
          return response.build();
        });
  }

  @Override
  @Blocking
  public Uni<Empty> removeFeed(RemoveFeedRequest request) {
    return GrpcCalls.unary(
        () -> {
          registry.remove(Uuids.parse("id", request.getId()));
          return Empty.getDefaultInstance();
        });
  }

  @Override
  @Blocking
  public Uni<Feed> pauseFeed(PauseFeedRequest request) {
    return GrpcCalls.unary(
        () -> FeedMessages.toProto(registry.pause(Uuids.parse("id", request.getId()))));
  }

  @Override
  @Blocking
  public Uni<Feed> resumeFeed(ResumeFeedRequest request) {
    return GrpcCalls.unary(
        () -> FeedMessages.toProto(registry.resume(Uuids.parse("id", request.getId()))));
  }

  @Override
  @Blocking
  public Uni<Feed> refreshFeed(RefreshFeedRequest request) {
    return GrpcCalls.unary(
        () -> FeedMessages.toProto(registry.refresh(Uuids.parse("id", request.getId()))));
  }
}
