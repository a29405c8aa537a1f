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

/**
 * A request for a brief of an article or of a story, and its progress. State changes go through
 * {@link JobQueue}.
 */
@Entity
@Table(name = "brief_job")
public class BriefJob {

  @Id public UUID id;

  /** The article of an article brief's job; null for a story's. */
  @Column(name = "article_id")
  public UUID articleId;

  /** The story of a story brief's job; null for an article's. */
  @Column(name = "story_id")
  public UUID storyId;

  /** The requested method: {@code extractive} or {@code llm}. */
  @Column(nullable = false)
  public String method;

  @Column(name = "content_sha256")
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

  /** What an article brief's header shows; null for a story's (it reads the story when run). */
  @Embedded public BriefHeader header;

  /**
   * An article job's text as requested (it matches {@link #contentSha256}) until the job ends; null
   * once it has, for story jobs, and for jobs queued before texts were kept.
   */
  @Column(name = "text")
  public String text;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
