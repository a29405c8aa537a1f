package io.newsbrief.article.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A polled feed and the status of its polls. Read through Panache; the poll results are written
 * column by column by {@link FeedRepository}, and entity updates write only the columns they change
 * ({@code @DynamicUpdate}), so a poll and a concurrent pause never overwrite each other.
 */
@Entity
@DynamicUpdate
@Table(name = "feed")
public class Feed {

  @Id public UUID id;

  @Column(nullable = false)
  public String url;

  @Column(name = "canonical_url", nullable = false, unique = true)
  public String canonicalUrl;

  @Column(nullable = false)
  public String title;

  @Column(name = "source_name", nullable = false)
  public String sourceName;

  @Column(name = "poll_interval_seconds", nullable = false)
  public int pollIntervalSeconds;

  @Column(nullable = false)
  public boolean paused;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "next_poll_at", nullable = false)
  public Instant nextPollAt;

  @Column(name = "lease_until")
  public Instant leaseUntil;

  public String etag;

  @Column(name = "last_modified")
  public String lastModified;

  @Column(name = "last_polled_at")
  public Instant lastPolledAt;

  @Column(name = "last_success_at")
  public Instant lastSuccessAt;

  @Column(name = "last_error", nullable = false)
  public String lastError;

  @Column(name = "last_http_status", nullable = false)
  public int lastHttpStatus;

  @Column(name = "consecutive_failures", nullable = false)
  public int consecutiveFailures;

  @Column(name = "entries_seen", nullable = false)
  public long entriesSeen;

  @Column(name = "articles_created", nullable = false)
  public long articlesCreated;
}
