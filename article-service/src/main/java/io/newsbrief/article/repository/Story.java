package io.newsbrief.article.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * One event as its reports tell it: the headline (its most central member's title), language, when
 * its first and last members were published, when it last changed (a member joined, stories
 * merged), and how many articles and distinct sources it has.
 */
public record Story(
    UUID id,
    String headline,
    String language,
    Instant firstPublished,
    Instant lastPublished,
    Instant updatedAt,
    int articles,
    int sources) {}
