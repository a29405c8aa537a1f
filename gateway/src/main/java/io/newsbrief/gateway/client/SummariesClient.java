package io.newsbrief.gateway.client;

import static io.newsbrief.gateway.client.Downstream.call;
import static io.newsbrief.gateway.client.Downstream.emptyToNull;
import static io.newsbrief.gateway.client.Downstream.orEmpty;

import io.newsbrief.commons.grpc.ProtoValues;
import io.newsbrief.gateway.config.GatewayConfig;
import io.newsbrief.gateway.model.Brief;
import io.newsbrief.gateway.model.Page;
import io.newsbrief.proto.summary.v1.GetBriefRequest;
import io.newsbrief.proto.summary.v1.JobState;
import io.newsbrief.proto.summary.v1.ListBriefsRequest;
import io.newsbrief.proto.summary.v1.RequestBriefRequest;
import io.newsbrief.proto.summary.v1.SummaryServiceGrpc.SummaryServiceBlockingStub;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * summary-service for the gateway, with the same deadlines, retries and breakers as {@link
 * ArticlesClient} (requesting a brief is idempotent downstream).
 */
@ApplicationScoped
@Retry(maxRetries = 1, delay = 50)
@RetryWhen(exception = Downstream.IsUnavailable.class)
@CircuitBreaker(
    requestVolumeThreshold = 20,
    failureRatio = 0.5,
    delay = 5000,
    skipOn = DownstreamRejection.class)
public class SummariesClient {

  private final SummaryServiceBlockingStub summaries;
  private final long deadlineMillis;

  SummariesClient(
      @GrpcClient("summaries") SummaryServiceBlockingStub summaries, GatewayConfig config) {
    this.summaries = summaries;
    this.deadlineMillis = config.downstreamDeadline().toMillis();
  }

  /** Queues a brief of the article. */
  public Brief request(String articleId) {
    var response =
        call(
            () ->
                stub()
                    .requestBrief(
                        RequestBriefRequest.newBuilder().setArticleId(articleId).build()));
    return response.hasBrief()
        ? toModel(response.getBrief())
        : new Brief(
            articleId,
            status(response.getState()),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
  }

  public Brief get(String articleId) {
    return toModel(
        call(() -> stub().getBrief(GetBriefRequest.newBuilder().setArticleId(articleId).build())));
  }

  public Page<Brief> list(
      String source, String language, List<String> articleIds, int limit, String cursor) {
    var response =
        call(
            () ->
                stub()
                    .listBriefs(
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
        null);
  }

  private SummaryServiceBlockingStub stub() {
    return summaries.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS);
  }

  private static Brief toModel(io.newsbrief.proto.summary.v1.Brief brief) {
    String status = status(brief.getState());
    String reason = emptyToNull(brief.getReason());
    if (!Brief.DONE.equals(status)) {
      return new Brief(
          brief.getArticleId(), status, null, null, null, null, null, null, null, null, reason);
    }
    return new Brief(
        brief.getArticleId(),
        status,
        brief.getTitle(),
        brief.getSourceUrl(),
        emptyToNull(brief.getSourceName()),
        ProtoValues.instant("generated_at", brief.getGeneratedAt()),
        brief.getMethod(),
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
