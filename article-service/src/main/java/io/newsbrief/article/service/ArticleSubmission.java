package io.newsbrief.article.service;

import java.time.Instant;

/**
 * An article as a caller submits it, before validation. Strings are never null (empty when absent);
 * {@code publishedAt} may be null.
 */
public record ArticleSubmission(
    String url,
    String title,
    String byline,
    String sourceName,
    String language,
    Instant publishedAt,
    String text,
    String html) {}
