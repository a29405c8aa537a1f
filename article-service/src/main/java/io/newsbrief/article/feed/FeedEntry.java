package io.newsbrief.article.feed;

import java.time.Instant;

/**
 * One item of a feed, as the feed tells it. {@code key} identifies the item within its feed (guid,
 * id, else link); {@code contentHtml} is the full text when the feed carries it, {@code
 * summaryHtml} the teaser; absent strings are empty and an absent date is null.
 */
public record FeedEntry(
    String key,
    String link,
    String title,
    String author,
    Instant publishedAt,
    String summaryHtml,
    String contentHtml) {}
