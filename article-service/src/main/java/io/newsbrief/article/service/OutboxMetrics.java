package io.newsbrief.article.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsbrief.article.repository.BriefRequestOutbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code newsbrief_brief_requests_outbox_depth}: brief requests not yet accepted by
 * summary-service. A depth that keeps growing means summary-service is unreachable or slow (an
 * alert in k8s/components/monitoring).
 */
@ApplicationScoped
public class OutboxMetrics {

  private final BriefRequestOutbox outbox;
  private final AtomicLong depth = new AtomicLong();

  OutboxMetrics(MeterRegistry registry, BriefRequestOutbox outbox) {
    this.outbox = outbox;
    registry.gauge("newsbrief.brief.requests.outbox.depth", depth);
  }

  /** Counted from the database (shared by all replicas), not on the scrape path. */
  @Scheduled(every = "5s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    try {
      depth.set(QuarkusTransaction.requiringNew().call(outbox::depth));
    } catch (RuntimeException e) {
      // The database is down: readiness says so; keep the last figure.
    }
  }
}
