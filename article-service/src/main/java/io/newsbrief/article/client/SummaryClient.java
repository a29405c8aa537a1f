package io.newsbrief.article.client;

import io.grpc.StatusRuntimeException;
import io.newsbrief.article.config.BriefRequestConfig;
import io.newsbrief.proto.summary.v1.RequestBriefRequest;
import io.newsbrief.proto.summary.v1.RequestStoryBriefRequest;
import io.newsbrief.proto.summary.v1.SummaryServiceGrpc.SummaryServiceBlockingStub;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * summary-service as article-service needs it: brief requests, with deadlines. Proto stops here.
 */
@ApplicationScoped
public class SummaryClient {

  private final SummaryServiceBlockingStub summaries;
  private final long deadlineMillis;

  SummaryClient(
      @GrpcClient("summaries") SummaryServiceBlockingStub summaries, BriefRequestConfig config) {
    this.summaries = summaries;
    this.deadlineMillis = config.deadline().toMillis();
  }

  /**
   * Asks for the article's brief with summary-service's default method (idempotent there).
   *
   * @throws BriefRequestFailed when summary-service did not accept it
   */
  public void requestBrief(UUID articleId) {
    try {
      summaries
          .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
          .requestBrief(
              RequestBriefRequest.newBuilder().setArticleId(articleId.toString()).build());
    } catch (StatusRuntimeException e) {
      throw new BriefRequestFailed("summary-service answered " + e.getStatus().getCode());
    }
  }

  /**
   * Asks for the story's brief to be remade from its members (coalesced and debounced there).
   *
   * @throws BriefRequestFailed when summary-service did not accept it
   */
  public void requestStoryBrief(UUID storyId) {
    try {
      summaries
          .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
          .requestStoryBrief(
              RequestStoryBriefRequest.newBuilder().setStoryId(storyId.toString()).build());
    } catch (StatusRuntimeException e) {
      throw new BriefRequestFailed("summary-service answered " + e.getStatus().getCode());
    }
  }

  /** summary-service did not accept a brief request; the message says how it answered. */
  public static class BriefRequestFailed extends RuntimeException {
    BriefRequestFailed(String message) {
      super(message);
    }
  }
}
