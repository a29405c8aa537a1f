package io.newsbrief.gateway.client;

import io.newsbrief.commons.grpc.ProtoValues;
import io.newsbrief.gateway.config.GatewayConfig;
import io.newsbrief.gateway.model.Brief;
import io.newsbrief.gateway.model.BriefDelta;
import io.newsbrief.gateway.model.Page;
import io.newsbrief.gateway.model.StoryBrief;
import io.newsbrief.proto.summary.v1.CitedSentence;
import io.newsbrief.proto.summary.v1.GetBriefRequest;
import io.newsbrief.proto.summary.v1.GetStoryBriefRequest;
import io.newsbrief.proto.summary.v1.JobState;
import io.newsbrief.proto.summary.v1.ListBriefChangesRequest;
import io.newsbrief.proto.summary.v1.ListBriefsRequest;
import io.newsbrief.proto.summary.v1.RequestBriefRequest;
import io.newsbrief.proto.summary.v1.SummaryServiceGrpc.SummaryServiceBlockingStub;
import io.newsbrief.proto.summary.v1.WithdrawBriefRequest;
import io.quarkus.grpc.GrpcClient;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * summary-service for the gateway (requesting a brief is idempotent downstream), with the
 * deadlines, retries and breakers of {@link DownstreamClient}.
 */
@Singleton
public class SummariesClient extends DownstreamClient<SummaryServiceBlockingStub> {

  SummariesClient(
      @GrpcClient("summaries") SummaryServiceBlockingStub summaries, GatewayConfig config) {
    super("summary-service", summaries, config);
  }

  /** Queues a brief of the article. */
  public Brief request(String articleId) {
    var response =
        call(
            stub ->
                stub.requestBrief(
                    RequestBriefRequest.newBuilder().setArticleId(articleId).build()));
    return response.hasBrief()
        ? toModel(response.getBrief())
        : Brief.notMade(articleId, status(response.getState()), null);
  }

  public Brief get(String articleId) {
    return toModel(
        call(stub -> stub.getBrief(GetBriefRequest.newBuilder().setArticleId(articleId).build())));
  }

  public Page<Brief> list(
      String source, String language, List<String> articleIds, int limit, String cursor) {
    var response =
        call(
            stub ->
                stub.listBriefs(
                    ListBriefsRequest.newBuilder()
                        .setSourceName(orEmpty(source))
                        .setLanguage(orEmpty(language))
                        .addAllArticleIds(articleIds)
                        .setPageSize(limit)
                        .setPageToken(orEmpty(cursor))
                        .build()));
    return new Page<>(
        response.getBriefsList().stream().map(SummariesClient::toModel).toList(),
        emptyToNull(response.getNextPageToken()),
        null,
        emptyToNull(response.getSyncToken()));
  }

  /**
   * What changed in the feed since {@code token}; {@code heldBack} when committed changes wait
   * behind a transaction still running (ask again shortly).
   */
  public record Changes(BriefDelta<Brief> delta, boolean heldBack) {}

  public Changes changes(String token, int limit) {
    var response =
        call(
            stub ->
                stub.listBriefChanges(
                    ListBriefChangesRequest.newBuilder()
                        .setSinceToken(token)
                        .setPageSize(limit)
                        .build()));
    return new Changes(
        new BriefDelta<>(
            response.getChangedList().stream().map(SummariesClient::toModel).toList(),
            List.copyOf(response.getRemovedArticleIdsList()),
            response.getNextToken(),
            response.getMore()),
        response.getHeldBack());
  }

  /** Withdraws every brief of the article. */
  public void withdraw(String articleId) {
    call(
        stub ->
            stub.withdrawBrief(WithdrawBriefRequest.newBuilder().setArticleId(articleId).build()));
  }

  /** The story's brief, or empty when none was requested yet. */
  public Optional<StoryBrief> storyBrief(String storyId) {
    io.newsbrief.proto.summary.v1.StoryBrief brief;
    try {
      brief =
          call(
              stub ->
                  stub.getStoryBrief(
                      GetStoryBriefRequest.newBuilder().setStoryId(storyId).build()));
    } catch (DownstreamRejection e) {
      if (e.reason() == DownstreamRejection.Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    String reason = emptyToNull(brief.getReason());
    if (!brief.hasGeneratedAt()) {
      return Optional.of(StoryBrief.notMade(status(brief.getState()), reason));
    }
    return Optional.of(
        new StoryBrief(
            status(brief.getState()),
            ProtoValues.instant("generated_at", brief.getGeneratedAt()),
            brief.getMethod(),
            brief.hasFaithfulness() ? brief.getFaithfulness() : null,
            brief.getLanguage(),
            toSentences(brief.getLeadList()),
            brief.getSectionsList().stream()
                .map(s -> new StoryBrief.Section(s.getHeading(), toSentences(s.getSentencesList())))
                .toList(),
            brief.getSourcesList().stream()
                .map(
                    s ->
                        new StoryBrief.Source(
                            s.getArticleId(), s.getOutlet(), s.getTitle(), s.getUrl()))
                .toList(),
            reason));
  }

  private static List<StoryBrief.CitedSentence> toSentences(List<CitedSentence> sentences) {
    return sentences.stream()
        .map(s -> new StoryBrief.CitedSentence(s.getText(), List.copyOf(s.getSourcesList())))
        .toList();
  }

  private static Brief toModel(io.newsbrief.proto.summary.v1.Brief brief) {
    String status = status(brief.getState());
    String reason = emptyToNull(brief.getReason());
    if (!Brief.DONE.equals(status)) {
      return Brief.notMade(brief.getArticleId(), status, reason);
    }
    return new Brief(
        brief.getArticleId(),
        status,
        brief.getTitle(),
        brief.getSourceUrl(),
        emptyToNull(brief.getSourceName()),
        ProtoValues.instant("generated_at", brief.getGeneratedAt()),
        brief.getMethod(),
        brief.hasFaithfulness() ? brief.getFaithfulness() : null,
        brief.getLanguage(),
        brief.getLead(),
        brief.getSectionsList().stream()
            .map(s -> new Brief.Section(s.getHeading(), List.copyOf(s.getParagraphsList())))
            .toList(),
        reason);
  }

  private static String status(JobState state) {
    return switch (state) {
      case JOB_STATE_DONE -> Brief.DONE;
      case JOB_STATE_RUNNING -> Brief.RUNNING;
      case JOB_STATE_FAILED -> Brief.FAILED;
      default -> Brief.PENDING;
    };
  }
}
