package io.newsbrief.summary.repository;

import io.newsbrief.summary.summarizer.CitedSentence;
import io.newsbrief.summary.summarizer.StorySection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A story's newest brief, written from all its members; replaced with its job's DONE. Sentences
 * cite {@link #sources} by index.
 */
@Entity
@Table(name = "story_brief")
public class StoryBrief {

  @Id
  @Column(name = "story_id")
  public UUID storyId;

  @Column(name = "job_id", nullable = false)
  public UUID jobId;

  /** The story's headline when the brief was made. */
  @Column(nullable = false)
  public String title;

  @Column(nullable = false)
  public String language;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<CitedSentence> lead;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<StorySection> sections;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<StorySource> sources;

  @Column(nullable = false)
  public String method;

  @Column(name = "fallback_reason")
  public String fallbackReason;

  /** How well its sources support it (0..1); null for a brief made before it was scored. */
  public Float faithfulness;

  @Column(name = "generated_at", nullable = false)
  public Instant generatedAt;
}
