package io.newsbrief.summary.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A request for a brief and its progress. State changes go through {@link JobQueue}. */
@Entity
@Table(name = "brief_job")
public class BriefJob {

  @Id public UUID id;

  @Column(name = "article_id", nullable = false)
  public UUID articleId;

  /** The requested method: {@code extractive} or {@code llm}. */
  @Column(nullable = false)
  public String method;

  @Column(name = "content_sha256", nullable = false)
  public String contentSha256;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public JobState state;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "run_after", nullable = false)
  public Instant runAfter;

  @Column(name = "lease_owner")
  public String leaseOwner;

  @Column(name = "lease_until")
  public Instant leaseUntil;

  @Column(name = "failure_reason")
  public String failureReason;

  @Embedded public BriefHeader header;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
