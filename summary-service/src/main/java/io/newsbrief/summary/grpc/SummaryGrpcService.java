package io.newsbrief.summary.grpc;

import com.google.protobuf.Empty;
import io.newsbrief.commons.grpc.GrpcCalls;
import io.newsbrief.commons.grpc.GrpcStatusMapper;
import io.newsbrief.commons.ids.Uuids;
import io.newsbrief.proto.summary.v1.Brief;
import io.newsbrief.proto.summary.v1.BriefChange;
import io.newsbrief.proto.summary.v1.GetBriefRequest;
import io.newsbrief.proto.summary.v1.GetStoryBriefRequest;
import io.newsbrief.proto.summary.v1.ListBriefChangesRequest;
import io.newsbrief.proto.summary.v1.ListBriefChangesResponse;
import io.newsbrief.proto.summary.v1.ListBriefsRequest;
import io.newsbrief.proto.summary.v1.ListBriefsResponse;
import io.newsbrief.proto.summary.v1.RequestBriefRequest;
import io.newsbrief.proto.summary.v1.RequestBriefResponse;
import io.newsbrief.proto.summary.v1.RequestBriefsRequest;
import io.newsbrief.proto.summary.v1.RequestBriefsResponse;
import io.newsbrief.proto.summary.v1.RequestStoryBriefRequest;
import io.newsbrief.proto.summary.v1.RequestStoryBriefResponse;
import io.newsbrief.proto.summary.v1.RequestStoryBriefsRequest;
import io.newsbrief.proto.summary.v1.RequestStoryBriefsResponse;
import io.newsbrief.proto.summary.v1.StoryBrief;
import io.newsbrief.proto.summary.v1.SummarizeRequest;
import io.newsbrief.proto.summary.v1.SummarizeResponse;
import io.newsbrief.proto.summary.v1.SummaryService;
import io.newsbrief.proto.summary.v1.WatchBriefChangesRequest;
import io.newsbrief.proto.summary.v1.WatchBriefRequest;
import io.newsbrief.proto.summary.v1.WithdrawBriefRequest;
import io.newsbrief.summary.repository.BriefRepository.BriefFilter;
import io.newsbrief.summary.service.BriefService;
import io.newsbrief.summary.service.BriefSync;
import io.newsbrief.summary.service.StoryBriefService;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.List;
import java.util.UUID;

/** The gRPC edge of summary-service: maps messages, calls {@link BriefService}, maps errors. */
@GrpcService
public class SummaryGrpcService implements SummaryService {

  private final BriefService briefs;
  private final BriefSync sync;
  private final StoryBriefService storyBriefs;

  SummaryGrpcService(BriefService briefs, BriefSync sync, StoryBriefService storyBriefs) {
    this.briefs = briefs;
    this.sync = sync;
    this.storyBriefs = storyBriefs;
  }

  @Override
  @Blocking
  public Uni<RequestStoryBriefResponse> requestStoryBrief(RequestStoryBriefRequest request) {
    return GrpcCalls.unary(
        () -> {
          return toProto(storyBriefs.request(Uuids.parse("story_id", request.getStoryId())));
        });
  }

  @Override
  @Blocking
  public Uni<RequestStoryBriefsResponse> requestStoryBriefs(RequestStoryBriefsRequest request) {
    return GrpcCalls.unary(
        () -> {
          List<UUID> ids =
              request.getStoryIdsList().stream().map(id -> Uuids.parse("story_ids", id)).toList();
          var response = RequestStoryBriefsResponse.newBuilder();
          storyBriefs
              .requestAll(ids)
              .forEach(requested -> response.addRequested(toProto(requested)));
          return response.build();
        });
  }

  private static RequestStoryBriefResponse toProto(StoryBriefService.Requested requested) {
    StoryBrief brief = BriefMessages.toProto(requested.view());
    return RequestStoryBriefResponse.newBuilder()
        .setJobId(brief.getJobId())
        .setState(brief.getState())
        .setCreated(requested.created())
        .build();
  }

  @Override
  @Blocking
  public Uni<StoryBrief> getStoryBrief(GetStoryBriefRequest request) {
    return GrpcCalls.unary(
        () ->
            BriefMessages.toProto(storyBriefs.get(Uuids.parse("story_id", request.getStoryId()))));
  }

  @Override
  @Blocking
  public Uni<RequestBriefResponse> requestBrief(RequestBriefRequest request) {
    return GrpcCalls.unary(
        () -> {
          var requested =
              briefs.request(
                  Uuids.parse("article_id", request.getArticleId()), request.getMethod());
          Brief brief = BriefMessages.toProto(requested.view());
          var response =
              RequestBriefResponse.newBuilder()
                  .setJobId(brief.getJobId())
                  .setState(brief.getState())
                  .setCreated(requested.created());
          if (requested.view().brief() != null) {
            response.setBrief(brief);
          }
          return response.build();
        });
  }

  @Override
  @Blocking
  public Uni<RequestBriefsResponse> requestBriefs(RequestBriefsRequest request) {
    return GrpcCalls.unary(
        () -> {
          var batch =
              briefs.requestAll(
                  request.getArticleIdsList().stream()
                      .map(id -> Uuids.parse("article_ids", id))
                      .toList(),
                  request.getMethod());
          var response = RequestBriefsResponse.newBuilder();
          batch.requested().forEach(r -> response.addRequested(BriefMessages.toProto(r)));
          batch.missing().forEach(id -> response.addMissingArticleIds(id.toString()));
          return response.build();
        });
  }

  @Override
  @Blocking
  public Uni<Brief> getBrief(GetBriefRequest request) {
    return GrpcCalls.unary(
        () ->
            BriefMessages.toProto(
                briefs.get(
                    Uuids.parse("article_id", request.getArticleId()), request.getMethod())));
  }

  @Override
  @Blocking
  public Uni<ListBriefsResponse> listBriefs(ListBriefsRequest request) {
    return GrpcCalls.unary(
        () -> {
          var filter =
              new BriefFilter(
                  request.getSourceName().strip(),
                  request.getLanguage().strip(),
                  request.getArticleIdsList().stream()
                      .map(id -> Uuids.parse("article_ids", id))
                      .distinct()
                      .toList());
          // Taken before the read: a change racing it is sent again, never missed.
          String syncToken = request.getPageToken().isEmpty() ? sync.currentToken() : "";
          var page = briefs.list(filter, request.getPageSize(), request.getPageToken());
          var response =
              ListBriefsResponse.newBuilder()
                  .setNextPageToken(page.nextPageToken())
                  .setSyncToken(syncToken);
          page.items().forEach(view -> response.addBriefs(BriefMessages.toProto(view)));
          return response.build();
        });
  }

  @Override
  @Blocking
  public Uni<ListBriefChangesResponse> listBriefChanges(ListBriefChangesRequest request) {
    return GrpcCalls.unary(
        () -> {
          var delta = sync.since(request.getSinceToken(), request.getPageSize());
          var response =
              ListBriefChangesResponse.newBuilder()
                  .setNextToken(delta.token())
                  .setMore(delta.more())
                  .setHeldBack(delta.heldBack());
          delta.changed().forEach(view -> response.addChanged(BriefMessages.toProto(view)));
          delta.removed().forEach(id -> response.addRemovedArticleIds(id.toString()));
          return response.build();
        });
  }

  @Override
  @Blocking
  public Uni<Empty> withdrawBrief(WithdrawBriefRequest request) {
    return GrpcCalls.unary(
        () -> {
          briefs.withdraw(Uuids.parse("article_id", request.getArticleId()));
          return Empty.getDefaultInstance();
        });
  }

  @Override
  public Multi<Brief> watchBrief(WatchBriefRequest request) {
    return Multi.createFrom()
        .deferred(
            () ->
                briefs.watch(
                    Uuids.parse("article_id", request.getArticleId()), request.getMethod()))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .map(BriefMessages::toProto)
        .onFailure()
        .transform(GrpcStatusMapper::toStatus);
  }

  @Override
  public Multi<BriefChange> watchBriefChanges(WatchBriefChangesRequest request) {
    return briefs
        .changes()
        .map(BriefMessages::toProto)
        .onFailure()
        .transform(GrpcStatusMapper::toStatus);
  }

  @Override
  @Blocking
  public Uni<SummarizeResponse> summarize(SummarizeRequest request) {
    return GrpcCalls.unary(
        () -> {
          var summary =
              briefs.summarize(
                  request.getTitle(),
                  request.getText(),
                  request.getLanguage(),
                  request.getMethod());
          String language = request.getLanguage().isBlank() ? "en" : request.getLanguage().strip();
          return SummarizeResponse.newBuilder()
              .setBrief(
                  BriefMessages.toProto(summary, language).toBuilder().setTitle(request.getTitle()))
              .build();
        });
  }
}
