package io.newsbrief.summary.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** A member a story brief was written from, as its source markers link to it. */
@RegisterForReflection
public record StorySource(UUID articleId, String outlet, String title, String url) {}
