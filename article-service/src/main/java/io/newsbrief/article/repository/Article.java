package io.newsbrief.article.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored news article. Rows are written only by {@link ArticleRepository#insertNew}. */
@Entity
@Table(name = "article")
public class Article {

  @Id public UUID id;

  @Column(nullable = false)
  public String url;

  @Column(name = "canonical_url", nullable = false, unique = true)
  public String canonicalUrl;

  @Column(nullable = false)
  public String title;

  @Column(nullable = false)
  public String byline;

  @Column(name = "source_name", nullable = false)
  public String sourceName;

  @Column(nullable = false)
  public String language;

  @Column(name = "published_at", nullable = false)
  public Instant publishedAt;

  @Column(name = "fetched_at", nullable = false)
  public Instant fetchedAt;

  @Column(nullable = false)
  public String text;

  @Column(name = "content_sha256", nullable = false)
  public String contentSha256;

  @Column(name = "word_count", nullable = false)
  public int wordCount;

  @Column(name = "story_id")
  public UUID storyId;
}
