package io.newsbrief.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An article as the API shows it. {@code text} is omitted from lists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
    String text) {}
