package io.newsbrief.article.story;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsbrief.article.repository.StoryIndexRepository;
import io.newsbrief.article.story.StoryEvents.StoriesPending;
import io.newsbrief.commons.concurrent.DaemonThreads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Groups imported articles into stories after their import committed ({@link
 * StoryGrouper#deferred}): woken by every commit that stored articles without a story, and every
 * few seconds for what is left (a crash between an import and its grouping, another replica's
 * import, the database down). It groups {@code assign-batch-size} articles a transaction, the
 * earliest published first, under the same advisory lock as every other story assignment, until
 * none is left. One thread per replica: grouping is serialized anyway.
 */
@ApplicationScoped
public class StoryAssigner {

  private static final Logger LOG = Logger.getLogger(StoryAssigner.class);

  /** How often a pass that finds more to group counts what is left, for the gauge. */
  private static final Duration PENDING_COUNT_EVERY = Duration.ofSeconds(5);

  private final StoryGrouper grouper;
  private final StoryIndexRepository index;
  private final StoryConfig config;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(DaemonThreads.named("story-assigner"));
  private final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicLong pending = new AtomicLong();

  StoryAssigner(
      StoryGrouper grouper, StoryIndexRepository index, StoryConfig config, MeterRegistry meters) {
    this.grouper = grouper;
    this.index = index;
    this.config = config;
    meters.gauge("newsbrief.stories.pending.articles", pending);
  }

  @PreDestroy
  void stop() {
    thread.shutdownNow();
  }

  void onPending(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoriesPending pending) {
    wake();
  }

  @Scheduled(
      every = "${newsbrief.articles.stories.assign-every:5s}",
      delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void wake() {
    // At most one pass queued behind the running one: a wake-up during a pass is never lost, and a
    // burst of imports does not queue a pass each.
    if (config.enabled() && queued.compareAndSet(false, true)) {
      thread.execute(
          () -> {
            queued.set(false);
            assignPending();
          });
    }
  }

  /** Groups every article still without a term vector, a batch a transaction. */
  private void assignPending() {
    try {
      long countedAt = System.nanoTime() - PENDING_COUNT_EVERY.toNanos();
      while (grouper.backfill(config.assignBatchSize()) == config.assignBatchSize()) {
        // Counted after the first batch, then every few seconds: the count visits every pending
        // row (pages being written are not all-visible), 20–80 ms at a backlog of 2,500 to 8,500
        // articles — a tenth of a batch's time, for a gauge scraped every 15 s or so.
        if (System.nanoTime() - countedAt >= PENDING_COUNT_EVERY.toNanos()) {
          pending.set(QuarkusTransaction.requiringNew().call(index::countUnindexed));
          countedAt = System.nanoTime();
        }
      }
      pending.set(0);
    } catch (RuntimeException e) {
      LOG.warnf("story assignment: %s (retried within seconds)", e.getMessage());
    }
  }
}
