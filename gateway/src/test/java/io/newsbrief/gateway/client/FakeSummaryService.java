package io.newsbrief.gateway.client;

import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.grpc.GrpcStatusMapper;
import io.newsbrief.proto.summary.v1.Brief;
import io.newsbrief.proto.summary.v1.BriefChange;
import io.newsbrief.proto.summary.v1.GetBriefRequest;
import io.newsbrief.proto.summary.v1.GetStoryBriefRequest;
import io.newsbrief.proto.summary.v1.JobState;
import io.newsbrief.proto.summary.v1.ListBriefChangesRequest;
import io.newsbrief.proto.summary.v1.ListBriefChangesResponse;
import io.newsbrief.proto.summary.v1.ListBriefsRequest;
import io.newsbrief.proto.summary.v1.ListBriefsResponse;
import io.newsbrief.proto.summary.v1.RequestBriefRequest;
import io.newsbrief.proto.summary.v1.RequestBriefResponse;
import io.newsbrief.proto.summary.v1.StoryBrief;
import io.newsbrief.proto.summary.v1.SummaryServiceGrpc;
import io.newsbrief.proto.summary.v1.WatchBriefChangesRequest;
import io.newsbrief.proto.summary.v1.WithdrawBriefRequest;
import io.quarkus.grpc.GrpcService;
import java.util.Comparator;
import java.util.List;

/** summary-service as the gateway tests need it, over a real channel to the test application. */
@GrpcService
public class FakeSummaryService extends SummaryServiceGrpc.SummaryServiceImplBase {

  private final FakeDownstreams state;

  FakeSummaryService(FakeDownstreams state) {
    this.state = state;
  }

  @Override
  public void requestBrief(
      RequestBriefRequest request, StreamObserver<RequestBriefResponse> response) {
    if (down(response)) {
      return;
    }
    Brief brief =
        state.briefsByArticle.computeIfAbsent(
            request.getArticleId(),
            id ->
                Brief.newBuilder()
                    .setArticleId(id)
                    .setJobId(id)
                    .setState(JobState.JOB_STATE_PENDING)
                    .build());
    var answer =
        RequestBriefResponse.newBuilder().setJobId(brief.getJobId()).setState(brief.getState());
    if (brief.getState() == JobState.JOB_STATE_DONE) {
      answer.setBrief(brief);
    }
    response.onNext(answer.build());
    response.onCompleted();
  }

  @Override
  public void getStoryBrief(GetStoryBriefRequest request, StreamObserver<StoryBrief> response) {
    if (down(response)) {
      return;
    }
    StoryBrief brief = state.storyBriefs.get(request.getStoryId());
    if (brief == null) {
      response.onError(Status.NOT_FOUND.withDescription("no brief requested").asRuntimeException());
      return;
    }
    response.onNext(brief);
    response.onCompleted();
  }

  @Override
  public void getBrief(GetBriefRequest request, StreamObserver<Brief> response) {
    state.getBriefCalls.incrementAndGet();
    if (down(response)) {
      return;
    }
    Brief brief = state.briefsByArticle.get(request.getArticleId());
    if (brief == null) {
      response.onError(Status.NOT_FOUND.withDescription("no brief requested").asRuntimeException());
      return;
    }
    response.onNext(brief);
    response.onCompleted();
  }

  @Override
  public void listBriefs(ListBriefsRequest request, StreamObserver<ListBriefsResponse> response) {
    if (down(response)) {
      return;
    }
    if (!request.getPageToken().isEmpty() && !request.getPageToken().matches("\\d+")) {
      response.onError(
          io.newsbrief.commons.grpc.GrpcStatusMapper.toStatus(
              new io.newsbrief.commons.error.InvalidArgumentException(
                  "page_token", "is not a token issued by this service")));
      return;
    }
    List<Brief> done =
        state.briefsByArticle.values().stream()
            .filter(b -> b.getState() == JobState.JOB_STATE_DONE)
            .filter(
                b ->
                    request.getArticleIdsCount() == 0
                        || request.getArticleIdsList().contains(b.getArticleId()))
            .sorted(Comparator.comparing((Brief b) -> b.getGeneratedAt().getSeconds()).reversed())
            .toList();
    int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
    int to = Math.min(done.size(), from + request.getPageSize());
    response.onNext(
        ListBriefsResponse.newBuilder()
            .addAllBriefs(done.subList(Math.min(from, done.size()), to))
            .setNextPageToken(to < done.size() ? Integer.toString(to) : "")
            .setSyncToken(from == 0 ? "t" + state.changeLog.size() : "")
            .build());
    response.onCompleted();
  }

  @Override
  public void listBriefChanges(
      ListBriefChangesRequest request, StreamObserver<ListBriefChangesResponse> response) {
    if (down(response)) {
      return;
    }
    if (!request.getSinceToken().matches("t\\d{1,9}")) {
      response.onError(
          GrpcStatusMapper.toStatus(
              new InvalidArgumentException(
                  "since_token", "is not a token issued by this service")));
      return;
    }
    int from = Integer.parseInt(request.getSinceToken().substring(1));
    if (from < state.oldestKept) {
      response.onError(Status.OUT_OF_RANGE.withDescription("too old").asRuntimeException());
      return;
    }
    List<String> log = List.copyOf(state.changeLog);
    int to = Math.min(log.size(), from + request.getPageSize());
    var answer =
        ListBriefChangesResponse.newBuilder()
            .setNextToken(to == from ? request.getSinceToken() : "t" + to)
            .setMore(to < log.size());
    for (String entry : log.subList(Math.min(from, log.size()), to)) {
      if (entry.startsWith(FakeDownstreams.REMOVED)) {
        answer.addRemovedArticleIds(entry.substring(FakeDownstreams.REMOVED.length()));
      } else if (state.briefsByArticle.containsKey(entry)) {
        answer.addChanged(state.briefsByArticle.get(entry));
      }
    }
    response.onNext(answer.build());
    response.onCompleted();
  }

  @Override
  public void withdrawBrief(WithdrawBriefRequest request, StreamObserver<Empty> response) {
    if (down(response)) {
      return;
    }
    if (!state.withdraw(request.getArticleId())) {
      response.onError(Status.NOT_FOUND.withDescription("no brief").asRuntimeException());
      return;
    }
    response.onNext(Empty.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public void watchBriefChanges(
      WatchBriefChangesRequest request, StreamObserver<BriefChange> response) {
    if (!state.announcesChanges) {
      response.onError(Status.UNIMPLEMENTED.asRuntimeException());
      return;
    }
    if (down(response)) {
      return;
    }
    state.changeWatchers.add(response);
    response.onNext(BriefChange.newBuilder().setLive(true).build());
  }

  private boolean down(StreamObserver<?> response) {
    if (state.summariesDown) {
      response.onError(Status.UNAVAILABLE.withDescription("fake outage").asRuntimeException());
    }
    return state.summariesDown;
  }
}
