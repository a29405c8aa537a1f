package io.newsbrief.gateway.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * The brief screen: headline, source link, "generated on", lead and headed sections. While it is
 * being made only {@code articleId}, {@code status} (and {@code reason} when it failed) are set.
 * {@code faithfulness} (0..1) says how well the article supports it: about 1 for the built-in
 * method, which copies sentences; LLM briefs passed summary-service's faithfulness gate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Brief(
    String articleId,
    String status,
    String title,
    String sourceUrl,
    String sourceName,
    Instant generatedAt,
    String method,
    Float faithfulness,
    String language,
    String lead,
    List<Section> sections,
    String reason) {

  public static final String DONE = "done";
  public static final String PENDING = "pending";
  public static final String RUNNING = "running";
  public static final String FAILED = "failed";

  /** A brief not made (yet): its article, status and, when it failed, why. */
  public static Brief notMade(String articleId, String status, String reason) {
    return new Brief(
        articleId, status, null, null, null, null, null, null, null, null, null, reason);
  }

  @JsonIgnore
  public boolean isDone() {
    return DONE.equals(status);
  }

  /** One headed part of the brief. */
  @RegisterForReflection
  public record Section(String heading, List<String> paragraphs) {}
}
