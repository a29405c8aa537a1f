package io.newsbrief.article.feed;

import io.newsbrief.article.repository.FeedRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Forgets feed entries their feeds stopped listing {@code newsbrief.feeds.entry-retention} ago, so
 * the table holds what feeds list now rather than everything they ever listed. Deletes in small
 * transactions; replicas running it at once only share the work.
 */
@ApplicationScoped
public class FeedEntryPruner {

  private static final Logger LOG = Logger.getLogger(FeedEntryPruner.class);
  private static final int BATCH = 5_000;

  private final FeedRepository feeds;
  private final FeedConfig config;

  FeedEntryPruner(FeedRepository feeds, FeedConfig config) {
    this.feeds = feeds;
    this.config = config;
  }

  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void pruneOnSchedule() {
    try {
      prune();
    } catch (RuntimeException e) {
      LOG.warnf("feed entry pruning: %s", e.getMessage());
    }
  }

  /**
   * @return how many entries were forgotten
   */
  public int prune() {
    Instant notSeenSince = Instant.now().minus(config.entryRetention());
    int total = 0;
    int deleted;
    do {
      deleted =
          QuarkusTransaction.requiringNew().call(() -> feeds.pruneEntries(notSeenSince, BATCH));
      total += deleted;
    } while (deleted == BATCH);
    if (total > 0) {
      LOG.infof("forgot %d feed entries not listed since %s", total, notSeenSince);
    }
    return total;
  }
}
