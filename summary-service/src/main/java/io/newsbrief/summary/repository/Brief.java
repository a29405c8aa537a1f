package io.newsbrief.summary.repository;

import io.newsbrief.summary.summarizer.Section;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A finished brief: the app screen for one article. Written once, with its job's DONE. */
@Entity
@Table(name = "brief")
public class Brief {

  @Id
  @Column(name = "job_id")
  public UUID jobId;

  @Column(name = "article_id", nullable = false)
  public UUID articleId;

  @Embedded public BriefHeader header;

  @Column(nullable = false)
  public String lead;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<Section> sections;

  /** The method actually used, e.g. {@code extractive-v1} or {@code llm:gpt-4o-mini}. */
  @Column(nullable = false)
  public String method;

  @Column(name = "fallback_reason")
  public String fallbackReason;

  /** How well its sources support it (0..1); null for a brief made before it was scored. */
  public Float faithfulness;

  @Column(name = "generated_at", nullable = false)
  public Instant generatedAt;
}
