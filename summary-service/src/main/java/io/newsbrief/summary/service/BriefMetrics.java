package io.newsbrief.summary.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsbrief.summary.repository.JobQueue;
import io.newsbrief.summary.repository.JobState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Queue depth, job latency, failures by reason and the method used. Created at start-up, so the
 * gauges are there from the first scrape (a lazy bean appeared with the first job or refresh).
 */
@Startup
@ApplicationScoped
public class BriefMetrics {

  private final MeterRegistry registry;
  private final JobQueue queue;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong running = new AtomicLong();

  BriefMetrics(MeterRegistry registry, JobQueue queue) {
    this.registry = registry;
    this.queue = queue;
    registry.gauge(
        "newsbrief.briefs.queue.depth",
        java.util.List.of(io.micrometer.core.instrument.Tag.of("state", "pending")),
        pending);
    registry.gauge(
        "newsbrief.briefs.queue.depth",
        java.util.List.of(io.micrometer.core.instrument.Tag.of("state", "running")),
        running);
  }

  /** Counted from the database (the queue is shared by all replicas), not on the scrape path. */
  @Scheduled(every = "5s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refreshQueueDepth() {
    try {
      Map<JobState, Long> counts = QuarkusTransaction.requiringNew().call(queue::openCounts);
      pending.set(counts.get(JobState.PENDING));
      running.set(counts.get(JobState.RUNNING));
    } catch (RuntimeException e) {
      // The database is down: readiness says so; keep the last figures.
    }
  }

  void completed(String method, boolean fellBack, Instant requestedAt) {
    registry
        .counter(
            "newsbrief.briefs.completed", "method", method, "fallback", Boolean.toString(fellBack))
        .increment();
    registry.timer("newsbrief.briefs.latency").record(Duration.between(requestedAt, Instant.now()));
  }

  void failed(FailureKind kind) {
    registry
        .counter("newsbrief.briefs.failures", "reason", kind.name().toLowerCase(Locale.ROOT))
        .increment();
  }

  /** Why an attempt failed, coarsely, for the failures counter. */
  enum FailureKind {
    ARTICLE_MISSING,
    STORY_MISSING,
    ARTICLE_UNAVAILABLE,
    SUMMARIZER_ERROR,
    LEASE_EXPIRED,
    DATABASE_ERROR
  }
}
