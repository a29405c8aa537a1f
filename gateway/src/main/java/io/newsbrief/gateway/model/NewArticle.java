package io.newsbrief.gateway.model;

import java.time.Instant;

/** What a client submits: {@code url}, and {@code text} or {@code html} (or neither, later). */
public record NewArticle(
    String url,
    String title,
    String byline,
    String sourceName,
    String language,
    Instant publishedAt,
    String text,
    String html) {}
