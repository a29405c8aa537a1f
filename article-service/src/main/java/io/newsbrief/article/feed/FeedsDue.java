package io.newsbrief.article.feed;

/** A feed became due now (added, resumed, refreshed): poll without waiting for the next scan. */
public record FeedsDue() {}
