package io.newsbrief.article.client;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.newsbrief.proto.summary.v1.JobState;
import io.newsbrief.proto.summary.v1.RequestBriefRequest;
import io.newsbrief.proto.summary.v1.RequestBriefResponse;
import io.newsbrief.proto.summary.v1.RequestStoryBriefRequest;
import io.newsbrief.proto.summary.v1.RequestStoryBriefResponse;
import io.newsbrief.proto.summary.v1.SummaryServiceGrpc;
import io.quarkus.grpc.GrpcService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * summary-service as the outbox relay sees it, served by the test application over a real channel:
 * records every RequestBrief (and RequestStoryBrief) and can refuse the next few RequestBriefs with
 * UNAVAILABLE.
 */
@GrpcService
public class FakeSummaryService extends SummaryServiceGrpc.SummaryServiceImplBase {

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final List<String> storyRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger refuseNext = new AtomicInteger();

  public List<String> calls() {
    return calls;
  }

  public List<String> accepted() {
    return accepted;
  }

  /** Stories whose brief was requested, in order. */
  public List<String> storyRequests() {
    return storyRequests;
  }

  public void refuseNext(int calls) {
    refuseNext.set(calls);
  }

  @Override
  public void requestBrief(
      RequestBriefRequest request, StreamObserver<RequestBriefResponse> response) {
    calls.add(request.getArticleId());
    if (refuseNext.getAndDecrement() > 0) {
      response.onError(Status.UNAVAILABLE.withDescription("fake outage").asRuntimeException());
      return;
    }
    accepted.add(request.getArticleId());
    response.onNext(
        RequestBriefResponse.newBuilder()
            .setJobId(request.getArticleId())
            .setState(JobState.JOB_STATE_PENDING)
            .setCreated(true)
            .build());
    response.onCompleted();
  }

  @Override
  public void requestStoryBrief(
      RequestStoryBriefRequest request, StreamObserver<RequestStoryBriefResponse> response) {
    storyRequests.add(request.getStoryId());
    response.onNext(
        RequestStoryBriefResponse.newBuilder()
            .setJobId(request.getStoryId())
            .setState(JobState.JOB_STATE_PENDING)
            .setCreated(true)
            .build());
    response.onCompleted();
  }
}
