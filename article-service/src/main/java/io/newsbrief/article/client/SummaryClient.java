package io.newsbrief.article.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.newsbrief.article.config.BriefRequestConfig;
import io.newsbrief.proto.summary.v1.RequestBriefsRequest;
import io.newsbrief.proto.summary.v1.RequestStoryBriefsRequest;
import io.newsbrief.proto.summary.v1.SummaryServiceGrpc.SummaryServiceBlockingStub;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * summary-service as article-service needs it: brief requests, with deadlines. Proto stops here.
 */
@ApplicationScoped
public class SummaryClient {

  /** As many as summary-service's RequestBriefs and RequestStoryBriefs take. */
  public static final int BRIEFS_PER_CALL = 100;

  private final SummaryServiceBlockingStub summaries;
  private final long deadlineMillis;

  SummaryClient(
      @GrpcClient("summaries") SummaryServiceBlockingStub summaries, BriefRequestConfig config) {
    this.summaries = summaries;
    this.deadlineMillis = config.deadline().toMillis();
  }

  /**
   * Asks for the briefs of up to {@value #BRIEFS_PER_CALL} articles in one call (idempotent there).
   * Articles summary-service could not find (deleted since) count as answered: nothing is to be
   * made of them.
   *
   * @throws BriefRequestFailed when summary-service did not accept the batch
   */
  public void requestBriefs(List<UUID> articleIds) {
    try {
      summaries
          .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
          .requestBriefs(
              RequestBriefsRequest.newBuilder()
                  .addAllArticleIds(articleIds.stream().map(UUID::toString).toList())
                  .build());
    } catch (StatusRuntimeException e) {
      throw new BriefRequestFailed(e.getStatus());
    }
  }

  /**
   * Asks for the briefs of up to {@value #BRIEFS_PER_CALL} stories to be remade from their members,
   * in one call (coalesced and debounced there).
   *
   * @throws BriefRequestFailed when summary-service did not accept the batch
   */
  public void requestStoryBriefs(List<UUID> storyIds) {
    try {
      summaries
          .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
          .requestStoryBriefs(
              RequestStoryBriefsRequest.newBuilder()
                  .addAllStoryIds(storyIds.stream().map(UUID::toString).toList())
                  .build());
    } catch (StatusRuntimeException e) {
      throw new BriefRequestFailed(e.getStatus());
    }
  }

  /** summary-service did not accept a brief request; the message says how it answered. */
  public static class BriefRequestFailed extends RuntimeException {
    BriefRequestFailed(Status status) {
      super(
          "summary-service answered "
              + status.getCode()
              + (status.getDescription() == null ? "" : " (" + status.getDescription() + ")"));
    }
  }
}
