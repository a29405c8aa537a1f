package io.newsbrief.gateway.service;

/**
 * Which page of the feed: filters ({@code null} = any), the full-text {@code query} ({@code null} =
 * the plain feed), the page size and the cursor ({@code null} = the first page).
 */
public record FeedQuery(String source, String language, String query, int limit, String cursor) {

  /** The unfiltered, unsearched feed. */
  boolean isWholeFeed() {
    return source == null && language == null && query == null;
  }

  /** Identifies the page among kept answers. */
  String key() {
    return String.join("\u0000", "feed", source, language, query, Integer.toString(limit), cursor);
  }
}
