package io.newsbrief.summary.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The top of the brief screen, taken from the article when its brief is requested: headline, source
 * link (the canonical URL), publisher and language. Stored with the job and copied to the brief.
 */
@Embeddable
public record BriefHeader(
    @Column(name = "title", nullable = false) String title,
    @Column(name = "source_url", nullable = false) String sourceUrl,
    @Column(name = "source_name", nullable = false) String sourceName,
    @Column(name = "language", nullable = false) String language) {}
