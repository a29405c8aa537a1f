package io.newsbrief.article.grpc;

import static io.newsbrief.article.grpc.GrpcTestSupport.statusOf;
import static io.newsbrief.article.grpc.GrpcTestSupport.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import io.grpc.Status;
import io.newsbrief.article.repository.FeedRepository;
import io.newsbrief.proto.article.v1.AddFeedRequest;
import io.newsbrief.proto.article.v1.Feed;
import io.newsbrief.proto.article.v1.FeedServiceGrpc.FeedServiceBlockingStub;
import io.newsbrief.proto.article.v1.GetFeedRequest;
import io.newsbrief.proto.article.v1.ListFeedsRequest;
import io.newsbrief.proto.article.v1.ListFeedsResponse;
import io.newsbrief.proto.article.v1.PauseFeedRequest;
import io.newsbrief.proto.article.v1.RefreshFeedRequest;
import io.newsbrief.proto.article.v1.RemoveFeedRequest;
import io.newsbrief.proto.article.v1.ResumeFeedRequest;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * FeedService over a real channel: registration rules, lifecycle, paging and leases. The feeds here
 * point at a closed loopback port: polls fail harmlessly, which is not what is tested.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FeedServiceTest {

  @GrpcClient("feeds")
  FeedServiceBlockingStub feeds;

  @Inject FeedRepository repository;
  @Inject EntityManager entityManager;

  private static String feedUrl() {
    return "http://127.0.0.1:9/" + UUID.randomUUID() + "/feed.xml";
  }

  private FeedServiceBlockingStub stub() {
    return feeds.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private Feed add(String url) {
    return stub().addFeed(AddFeedRequest.newBuilder().setUrl(url).setSourceName("Test").build());
  }

  @Test
  void aFeedIsRegisteredOncePerCanonicalUrl() {
    String url = feedUrl();
    Feed feed = add(url + "?utm_source=x");
    assertThat(feed.getCanonicalUrl()).isEqualTo(url);
    assertThat(feed.getPollInterval().getSeconds()).isEqualTo(900);
    assertThat(feed.getSourceName()).isEqualTo("Test");
    assertThat(feed.getPaused()).isFalse();

    var duplicate = statusOf(() -> add(url), Status.Code.ALREADY_EXISTS);
    assertThat(duplicate.getStatus().getDescription()).contains(feed.getId());
  }

  @Test
  void concurrentRegistrationsOfOneFeedCreateItOnce() throws Exception {
    String url = feedUrl();
    List<CompletableFuture<Status.Code>> attempts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      attempts.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  add(url);
                  return Status.Code.OK;
                } catch (io.grpc.StatusRuntimeException e) {
                  return e.getStatus().getCode();
                }
              }));
    }
    List<Status.Code> codes = new ArrayList<>();
    for (CompletableFuture<Status.Code> attempt : attempts) {
      codes.add(attempt.get(20, TimeUnit.SECONDS));
    }
    assertThat(codes).containsOnly(Status.Code.OK, Status.Code.ALREADY_EXISTS);
    assertThat(codes.stream().filter(Status.Code.OK::equals)).hasSize(1);
  }

  @Test
  void refusesUrlsTheFetcherMustNotReachAndBadIntervals() {
    for (String url :
        List.of(
            "",
            "file:///etc/passwd",
            "ftp://example.com/feed",
            "http://10.1.2.3/feed",
            "http://169.254.169.254/latest/meta-data",
            "http://[fd00::1]/feed",
            "http://user:secret@127.0.0.1/feed",
            "not a url")) {
      assertThat(violatedFields(statusOf(() -> add(url), Status.Code.INVALID_ARGUMENT)))
          .as(url)
          .containsExactly("url");
    }
    assertThat(
            violatedFields(
                statusOf(
                    () ->
                        stub()
                            .addFeed(
                                AddFeedRequest.newBuilder()
                                    .setUrl(feedUrl())
                                    .setPollInterval(Duration.newBuilder().setSeconds(90_000))
                                    .build()),
                    Status.Code.INVALID_ARGUMENT)))
        .containsExactly("poll_interval");
  }

  @Test
  void pauseResumeRefreshAndRemove() {
    Feed feed = add(feedUrl());
    Feed paused = stub().pauseFeed(PauseFeedRequest.newBuilder().setId(feed.getId()).build());
    assertThat(paused.getPaused()).isTrue();
    assertThat(
            stub().pauseFeed(PauseFeedRequest.newBuilder().setId(feed.getId()).build()).getPaused())
        .isTrue();
    statusOf(
        () -> stub().refreshFeed(RefreshFeedRequest.newBuilder().setId(feed.getId()).build()),
        Status.Code.FAILED_PRECONDITION);

    Feed resumed = stub().resumeFeed(ResumeFeedRequest.newBuilder().setId(feed.getId()).build());
    assertThat(resumed.getPaused()).isFalse();
    assertThat(
            stub()
                .refreshFeed(RefreshFeedRequest.newBuilder().setId(feed.getId()).build())
                .getPaused())
        .isFalse();

    stub().removeFeed(RemoveFeedRequest.newBuilder().setId(feed.getId()).build());
    statusOf(
        () -> stub().getFeed(GetFeedRequest.newBuilder().setId(feed.getId()).build()),
        Status.Code.NOT_FOUND);
    statusOf(
        () -> stub().removeFeed(RemoveFeedRequest.newBuilder().setId(feed.getId()).build()),
        Status.Code.NOT_FOUND);
    assertThat(
            violatedFields(
                statusOf(
                    () -> stub().getFeed(GetFeedRequest.newBuilder().setId("nope").build()),
                    Status.Code.INVALID_ARGUMENT)))
        .containsExactly("id");
  }

  @Test
  void listsEveryFeedOnceAcrossPages() {
    List<String> added = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      added.add(add(feedUrl()).getId());
    }
    List<String> listed = new ArrayList<>();
    String token = "";
    do {
      ListFeedsResponse page =
          stub()
              .listFeeds(ListFeedsRequest.newBuilder().setPageSize(2).setPageToken(token).build());
      assertThat(page.getFeedsCount()).isLessThanOrEqualTo(2);
      page.getFeedsList().forEach(f -> listed.add(f.getId()));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    assertThat(listed).doesNotHaveDuplicates().containsAll(added);
    statusOf(
        () -> stub().listFeeds(ListFeedsRequest.newBuilder().setPageToken("garbage").build()),
        Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void aFeedLeasedOrBeingClaimedByAnotherReplicaIsSkippedWithoutWaiting() throws Exception {
    UUID id = UUID.fromString(add(feedUrl()).getId());
    // Due, but another replica holds its lease.
    sql(
        "UPDATE feed SET next_poll_at = now() - interval '1 minute',"
            + " lease_until = now() + interval '5 minutes' WHERE id = :id",
        id);
    assertThat(claim()).doesNotContain(id);

    // Due and unleased, but another replica's claim has the row locked right now.
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> otherReplica =
        CompletableFuture.runAsync(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          sql("UPDATE feed SET lease_until = NULL WHERE id = :id", id);
                          locked.countDown();
                          await(release);
                        }));
    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      assertThat(claim()).doesNotContain(id);
    } finally {
      release.countDown();
      otherReplica.get(10, TimeUnit.SECONDS);
    }
  }

  private List<UUID> claim() {
    return QuarkusTransaction.requiringNew()
        .call(() -> repository.claimDue(1000, java.time.Duration.ofMinutes(5)));
  }

  private void sql(String statement, UUID id) {
    QuarkusTransaction.joiningExisting()
        .run(
            () ->
                entityManager.createNativeQuery(statement).setParameter("id", id).executeUpdate());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
