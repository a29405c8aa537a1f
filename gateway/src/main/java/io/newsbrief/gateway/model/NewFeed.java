package io.newsbrief.gateway.model;

/**
 * A feed to register: {@code url} of an RSS, Atom or JSON Feed document; optional {@code
 * sourceName} (default: the feed's title) and {@code pollIntervalMinutes} (default 15, 1 to 1440).
 */
public record NewFeed(String url, String sourceName, Integer pollIntervalMinutes) {}
