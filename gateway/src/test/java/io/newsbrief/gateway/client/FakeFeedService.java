package io.newsbrief.gateway.client;

import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.grpc.GrpcStatusMapper;
import io.newsbrief.proto.article.v1.AddFeedRequest;
import io.newsbrief.proto.article.v1.Feed;
import io.newsbrief.proto.article.v1.FeedServiceGrpc;
import io.newsbrief.proto.article.v1.FeedStatus;
import io.newsbrief.proto.article.v1.GetFeedRequest;
import io.newsbrief.proto.article.v1.ListFeedsRequest;
import io.newsbrief.proto.article.v1.ListFeedsResponse;
import io.newsbrief.proto.article.v1.PauseFeedRequest;
import io.newsbrief.proto.article.v1.RefreshFeedRequest;
import io.newsbrief.proto.article.v1.RemoveFeedRequest;
import io.newsbrief.proto.article.v1.ResumeFeedRequest;
import io.quarkus.grpc.GrpcService;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** article-service's FeedService as the gateway tests need it: a map, and its error answers. */
@GrpcService
public class FakeFeedService extends FeedServiceGrpc.FeedServiceImplBase {

  private final FakeDownstreams state;

  FakeFeedService(FakeDownstreams state) {
    this.state = state;
  }

  @Override
  public void addFeed(AddFeedRequest request, StreamObserver<Feed> response) {
    if (!request.getUrl().startsWith("http") || request.getUrl().contains("//10.")) {
      response.onError(
          GrpcStatusMapper.toStatus(new InvalidArgumentException("url", "cannot be fetched")));
      return;
    }
    if (state.feedsById.values().stream().anyMatch(f -> f.getUrl().equals(request.getUrl()))) {
      response.onError(
          Status.ALREADY_EXISTS.withDescription("already polled").asRuntimeException());
      return;
    }
    Feed feed =
        Feed.newBuilder()
            .setId(UUID.randomUUID().toString())
            .setUrl(request.getUrl())
            .setCanonicalUrl(request.getUrl())
            .setSourceName(request.getSourceName())
            .setPollInterval(
                request.hasPollInterval()
                    ? request.getPollInterval()
                    : com.google.protobuf.Duration.newBuilder().setSeconds(900).build())
            .setCreatedAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(1_790_000_000L))
            .setStatus(
                FeedStatus.newBuilder()
                    .setNextPollAt(
                        com.google.protobuf.Timestamp.newBuilder().setSeconds(1_790_000_000L)))
            .build();
    state.feedsById.put(feed.getId(), feed);
    answer(response, feed);
  }

  @Override
  public void getFeed(GetFeedRequest request, StreamObserver<Feed> response) {
    update(request.getId(), response, UnaryOperator.identity());
  }

  @Override
  public void listFeeds(ListFeedsRequest request, StreamObserver<ListFeedsResponse> response) {
    answer(response, ListFeedsResponse.newBuilder().addAllFeeds(state.feedsById.values()).build());
  }

  @Override
  public void removeFeed(RemoveFeedRequest request, StreamObserver<Empty> response) {
    if (state.feedsById.remove(request.getId()) == null) {
      response.onError(Status.NOT_FOUND.withDescription("no such feed").asRuntimeException());
      return;
    }
    answer(response, Empty.getDefaultInstance());
  }

  @Override
  public void pauseFeed(PauseFeedRequest request, StreamObserver<Feed> response) {
    update(request.getId(), response, feed -> feed.toBuilder().setPaused(true).build());
  }

  @Override
  public void resumeFeed(ResumeFeedRequest request, StreamObserver<Feed> response) {
    update(request.getId(), response, feed -> feed.toBuilder().setPaused(false).build());
  }

  @Override
  public void refreshFeed(RefreshFeedRequest request, StreamObserver<Feed> response) {
    Feed feed = state.feedsById.get(request.getId());
    if (feed != null && feed.getPaused()) {
      response.onError(
          Status.FAILED_PRECONDITION.withDescription("feed is paused").asRuntimeException());
      return;
    }
    update(request.getId(), response, UnaryOperator.identity());
  }

  private void update(String id, StreamObserver<Feed> response, UnaryOperator<Feed> change) {
    Feed updated = state.feedsById.computeIfPresent(id, (key, feed) -> change.apply(feed));
    if (updated == null) {
      response.onError(Status.NOT_FOUND.withDescription("no such feed").asRuntimeException());
      return;
    }
    answer(response, updated);
  }

  private static <T> void answer(StreamObserver<T> response, T message) {
    response.onNext(message);
    response.onCompleted();
  }
}
