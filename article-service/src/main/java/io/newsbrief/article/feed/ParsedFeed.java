package io.newsbrief.article.feed;

import java.time.Duration;
import java.util.List;

/**
 * A feed document read: its title and language (empty when it names none), its entries, and how
 * long it asks readers to wait before fetching it again (RSS {@code <ttl>}; zero when it does not).
 */
public record ParsedFeed(String title, String language, List<FeedEntry> entries, Duration ttl) {}
