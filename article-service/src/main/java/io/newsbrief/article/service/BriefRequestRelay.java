package io.newsbrief.article.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsbrief.article.client.SummaryClient;
import io.newsbrief.article.config.BriefRequestConfig;
import io.newsbrief.article.repository.BriefRequestOutbox;
import io.newsbrief.article.repository.BriefRequestOutbox.DueRequest;
import io.newsbrief.article.repository.BriefRequestOutbox.Subject;
import io.newsbrief.article.service.ArticleEvents.ArticlesStored;
import io.newsbrief.commons.concurrent.DaemonThreads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Delivers the brief-request outbox (articles', then stories') to summary-service: right after
 * articles are stored, and every couple of seconds for what is still due (summary-service was down,
 * or another replica's relay died holding rows). A row is deleted only once summary-service
 * accepted the request. A claimed batch goes out in RequestBriefs (or RequestStoryBriefs) calls of
 * up to {@value SummaryClient#BRIEFS_PER_CALL}, {@code concurrency} calls at a time: each mostly
 * waits on summary-service.
 */
@ApplicationScoped
public class BriefRequestRelay {

  private static final Logger LOG = Logger.getLogger(BriefRequestRelay.class);

  private final BriefRequestOutbox outbox;
  private final SummaryClient summaries;
  private final BriefRequestConfig config;
  private final MeterRegistry meters;
  private final AtomicBoolean running = new AtomicBoolean();
  private final ExecutorService deliveries;

  BriefRequestRelay(
      BriefRequestOutbox outbox,
      SummaryClient summaries,
      BriefRequestConfig config,
      MeterRegistry meters) {
    this.outbox = outbox;
    this.summaries = summaries;
    this.config = config;
    this.meters = meters;
    this.deliveries =
        Executors.newFixedThreadPool(config.concurrency(), DaemonThreads.named("brief-request"));
  }

  @PreDestroy
  void stop() {
    deliveries.shutdownNow();
  }

  void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticlesStored stored) {
    Infrastructure.getDefaultWorkerPool().execute(this::relay);
  }

  @Scheduled(every = "2s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void relay() {
    if (!config.enabled() || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      for (Subject subject : Subject.values()) {
        List<DueRequest> due;
        do {
          due =
              QuarkusTransaction.requiringNew()
                  .call(() -> outbox.claimDue(subject, config.batchSize(), config.lease()));
          CompletableFuture.allOf(
                  deliveries(due).stream()
                      .map(batch -> CompletableFuture.runAsync(() -> deliver(batch), deliveries))
                      .toArray(CompletableFuture[]::new))
              .join();
        } while (due.size() == config.batchSize());
      }
    } catch (RuntimeException e) {
      LOG.warnf("brief-request relay: %s", e.getMessage());
    } finally {
      running.set(false);
    }
  }

  /** How a claimed batch goes out: {@value SummaryClient#BRIEFS_PER_CALL} to a call. */
  private static List<List<DueRequest>> deliveries(List<DueRequest> due) {
    List<List<DueRequest>> calls = new ArrayList<>();
    for (int from = 0; from < due.size(); from += SummaryClient.BRIEFS_PER_CALL) {
      calls.add(due.subList(from, Math.min(due.size(), from + SummaryClient.BRIEFS_PER_CALL)));
    }
    return calls;
  }

  private void deliver(List<DueRequest> requests) {
    try {
      if (requests.get(0).subject() == Subject.STORY) {
        summaries.requestStoryBriefs(requests.stream().map(DueRequest::id).toList());
      } else {
        summaries.requestBriefs(requests.stream().map(DueRequest::id).toList());
      }
      QuarkusTransaction.requiringNew().run(() -> outbox.delivered(requests));
      meters.counter("newsbrief.brief.requests", "outcome", "delivered").increment(requests.size());
    } catch (SummaryClient.BriefRequestFailed e) {
      LOG.warnf(
          "brief-request relay: %d %s request(s) to be retried: %s",
          requests.size(),
          requests.get(0).subject().name().toLowerCase(Locale.ROOT),
          e.getMessage());
      meters.counter("newsbrief.brief.requests", "outcome", "retried").increment(requests.size());
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  requests.forEach(
                      request ->
                          outbox.failed(request, backoff(request.attempts()), e.getMessage())));
    }
  }

  /** How long a row waits after its n-th failed attempt: doubling, capped. */
  Duration backoff(int attempts) {
    long millis = config.backoffInitial().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
    return Duration.ofMillis(Math.min(millis, config.backoffMax().toMillis()));
  }
}
