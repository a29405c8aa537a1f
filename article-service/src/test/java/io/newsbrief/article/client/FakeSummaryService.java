package io.newsbrief.article.client;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.newsbrief.proto.summary.v1.JobState;
import io.newsbrief.proto.summary.v1.RequestBriefsRequest;
import io.newsbrief.proto.summary.v1.RequestBriefsResponse;
import io.newsbrief.proto.summary.v1.RequestStoryBriefResponse;
import io.newsbrief.proto.summary.v1.RequestStoryBriefsRequest;
import io.newsbrief.proto.summary.v1.RequestStoryBriefsResponse;
import io.newsbrief.proto.summary.v1.RequestedBrief;
import io.newsbrief.proto.summary.v1.SummaryServiceGrpc;
import io.quarkus.grpc.GrpcService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * summary-service as the outbox relay sees it, served by the test application over a real channel:
 * records every article of every RequestBriefs call (and every RequestStoryBrief) and can refuse
 * the next few RequestBriefs calls with UNAVAILABLE.
 */
@GrpcService
public class FakeSummaryService extends SummaryServiceGrpc.SummaryServiceImplBase {

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final List<String> storyRequests = new CopyOnWriteArrayList<>();
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
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

  /** How many articles each RequestBriefs call carried, in order. */
  public List<Integer> batchSizes() {
    return batchSizes;
  }

  @Override
  public void requestBriefs(
      RequestBriefsRequest request, StreamObserver<RequestBriefsResponse> response) {
    calls.addAll(request.getArticleIdsList());
    batchSizes.add(request.getArticleIdsCount());
    if (refuseNext.getAndDecrement() > 0) {
      response.onError(Status.UNAVAILABLE.withDescription("fake outage").asRuntimeException());
      return;
    }
    accepted.addAll(request.getArticleIdsList());
    var answer = RequestBriefsResponse.newBuilder();
    request
        .getArticleIdsList()
        .forEach(
            id ->
                answer.addRequested(
                    RequestedBrief.newBuilder()
                        .setArticleId(id)
                        .setJobId(id)
                        .setState(JobState.JOB_STATE_PENDING)
                        .setCreated(true)));
    response.onNext(answer.build());
    response.onCompleted();
  }

  @Override
  public void requestStoryBriefs(
      RequestStoryBriefsRequest request, StreamObserver<RequestStoryBriefsResponse> response) {
    storyRequests.addAll(request.getStoryIdsList());
    var answer = RequestStoryBriefsResponse.newBuilder();
    for (String id : request.getStoryIdsList()) {
      answer.addRequested(
          RequestStoryBriefResponse.newBuilder()
              .setJobId(id)
              .setState(JobState.JOB_STATE_PENDING)
              .setCreated(true));
    }
    response.onNext(answer.build());
    response.onCompleted();
  }
}
