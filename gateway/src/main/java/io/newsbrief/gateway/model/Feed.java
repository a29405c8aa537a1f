package io.newsbrief.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** A feed article-service polls, with the status of its polls. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Feed(
    String id,
    String url,
    String canonicalUrl,
    String title,
    String sourceName,
    long pollIntervalMinutes,
    boolean paused,
    Instant createdAt,
    Status status) {

  /** {@code lastError} is null when the last poll succeeded; unset times are null. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @RegisterForReflection
  public record Status(
      Instant lastPolledAt,
      Instant lastSuccessAt,
      Instant nextPollAt,
      String lastError,
      int consecutiveFailures,
      Integer lastHttpStatus,
      long entriesSeen,
      long articlesCreated) {}
}
