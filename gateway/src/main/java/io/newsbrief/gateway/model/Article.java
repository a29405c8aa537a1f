package io.newsbrief.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * An article as the API shows it. {@code storyId} names the story — the event — it reports, shared
 * by every outlet's report of it; {@code text} is omitted from lists. Registered for reflection:
 * responses are serialised by {@link io.newsbrief.gateway.rest.ETaggedResponses}, out of sight of
 * the native build's analysis of REST return types.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Article(
    String id,
    String url,
    String canonicalUrl,
    String title,
    String byline,
    String sourceName,
    String language,
    Instant publishedAt,
    Instant fetchedAt,
    Integer wordCount,
    String storyId,
    String text) {}
