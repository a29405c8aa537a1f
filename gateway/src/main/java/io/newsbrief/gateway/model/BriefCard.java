package io.newsbrief.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * A feed card: what a list shows of a brief (headline, source, when it was generated, the lead);
 * the brief screen with its sections is at {@code /api/v1/articles/{articleId}/brief}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record BriefCard(
    String articleId,
    String title,
    String sourceUrl,
    String sourceName,
    Instant generatedAt,
    String language,
    String lead) {

  public static BriefCard of(Brief brief) {
    return new BriefCard(
        brief.articleId(),
        brief.title(),
        brief.sourceUrl(),
        brief.sourceName(),
        brief.generatedAt(),
        brief.language(),
        brief.lead());
  }
}
