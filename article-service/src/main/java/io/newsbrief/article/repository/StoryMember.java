package io.newsbrief.article.repository;

import java.time.Instant;
import java.util.UUID;

/** An article of a story as the story lists it. */
public record StoryMember(
    UUID articleId, String sourceName, String title, String canonicalUrl, Instant publishedAt) {}
