package io.newsbrief.article.feed;

import java.util.List;

/** A feed document read: its title and language (empty when it names none) and its entries. */
public record ParsedFeed(String title, String language, List<FeedEntry> entries) {}
