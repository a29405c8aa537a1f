package io.newsbrief.article.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsbrief.article.feed.EntryIngester.Ingested;
import io.newsbrief.article.fetch.CacheValidators;
import io.newsbrief.article.fetch.FetchException;
import io.newsbrief.article.fetch.FetchResult;
import io.newsbrief.article.fetch.Fetcher;
import io.newsbrief.article.repository.Feed;
import io.newsbrief.article.repository.FeedRepository;
import io.newsbrief.article.repository.FeedRepository.PollSuccess;
import io.newsbrief.commons.concurrent.DaemonThreads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Polls due feeds: claims them with a lease (so each is polled by one replica), fetches each
 * conditionally (304 → nothing parsed), ingests new entries, and schedules the next poll after the
 * feed's interval with jitter, or after a doubling backoff when the poll failed — never sooner than
 * the server asked: Cache-Control max-age or Expires, RSS {@code <ttl>}, and Retry-After on a 429
 * or 503 (each capped at the longest interval, so one header cannot silence a feed).
 */
@ApplicationScoped
public class FeedPoller {

  private static final Logger LOG = Logger.getLogger(FeedPoller.class);

  private final FeedRepository feeds;
  private final Fetcher fetcher;
  private final EntryIngester ingester;
  private final FeedConfig config;
  private final MeterRegistry meters;
  private final ExecutorService polls;
  private final AtomicBoolean scanning = new AtomicBoolean();
  private final AtomicBoolean rescan = new AtomicBoolean();

  FeedPoller(
      FeedRepository feeds,
      Fetcher fetcher,
      EntryIngester ingester,
      FeedConfig config,
      MeterRegistry meters) {
    this.feeds = feeds;
    this.fetcher = fetcher;
    this.ingester = ingester;
    this.config = config;
    this.meters = meters;
    this.polls =
        Executors.newFixedThreadPool(
            config.maxConcurrentPolls() + 1, DaemonThreads.named("feed-poll"));
  }

  @PreDestroy
  void stop() {
    polls.shutdownNow();
  }

  void onDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedsDue due) {
    polls.execute(this::pollDue);
  }

  /**
   * Claims and polls due feeds until none is left. One scan at a time per replica; a request for a
   * scan while one runs makes it look again before it ends.
   */
  @Scheduled(
      every = "${newsbrief.feeds.scan-every:10s}",
      delayed = "${newsbrief.feeds.scan-every:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void pollDue() {
    if (!config.enabled()) {
      return;
    }
    rescan.set(true);
    if (!scanning.compareAndSet(false, true)) {
      return;
    }
    try {
      while (rescan.getAndSet(false)) {
        List<UUID> due;
        do {
          due =
              QuarkusTransaction.requiringNew()
                  .call(() -> feeds.claimDue(config.maxConcurrentPolls(), config.lease()));
          CompletableFuture.allOf(
                  due.stream()
                      .map(id -> CompletableFuture.runAsync(() -> poll(id), polls))
                      .toArray(CompletableFuture[]::new))
              .join();
        } while (due.size() == config.maxConcurrentPolls());
      }
    } catch (RuntimeException e) {
      LOG.warnf("feed scan: %s", e.getMessage());
    } finally {
      scanning.set(false);
    }
  }

  void poll(UUID feedId) {
    Feed feed = QuarkusTransaction.requiringNew().call(() -> feeds.findById(feedId));
    if (feed == null) {
      return; // removed since it was claimed
    }
    Duration interval = Duration.ofSeconds(feed.pollIntervalSeconds);
    FetchResult result = null;
    try {
      URI url = URI.create(feed.canonicalUrl);
      result =
          fetcher.get(
              url, new CacheValidators(feed.etag, feed.lastModified), config.maxFeedBytes());
      if (result.notModified()) {
        succeeded(
            feed,
            new PollSuccess(304, "", null, null, 0, 0, nextPoll(interval, result.freshFor())),
            "not_modified");
        return;
      }
      long fetched = System.nanoTime();
      ParsedFeed parsed = FeedParser.parse(result.body(), result.contentType());
      long parsedAt = System.nanoTime();
      Ingested ingested = ingester.ingest(feed, parsed, result.finalUrl());
      LOG.infof(
          "feed %s polled: %d new entries, %d articles created (parse %d ms, ingest %d ms)",
          feed.id,
          ingested.entriesSeen(),
          ingested.created(),
          (parsedAt - fetched) / 1_000_000,
          (System.nanoTime() - parsedAt) / 1_000_000);
      succeeded(
          feed,
          new PollSuccess(
              result.status(),
              parsed.title(),
              result.etag(),
              result.lastModified(),
              ingested.entriesSeen(),
              ingested.created(),
              nextPoll(interval, longer(result.freshFor(), parsed.ttl()))),
          "ok");
    } catch (FetchException e) {
      failed(feed, e.httpStatus(), e.getMessage(), e.retryAfter());
    } catch (FeedParseException e) {
      failed(feed, result.status(), e.getMessage(), result.freshFor());
    } catch (RuntimeException e) {
      LOG.errorf(e, "polling feed %s failed", feed.id);
      failed(feed, 0, "internal error while polling; see the service log", Duration.ZERO);
    }
  }

  private void succeeded(Feed feed, PollSuccess poll, String outcome) {
    QuarkusTransaction.requiringNew().run(() -> feeds.recordSuccess(feed.id, poll));
    meters.counter("newsbrief.feeds.polls", "outcome", outcome).increment();
  }

  private void failed(Feed feed, int httpStatus, String error, Duration serverAsked) {
    Instant nextPoll =
        nextPoll(
            backoff(Duration.ofSeconds(feed.pollIntervalSeconds), feed.consecutiveFailures + 1),
            serverAsked);
    LOG.infof("feed %s failed (%d in a row): %s", feed.id, feed.consecutiveFailures + 1, error);
    QuarkusTransaction.requiringNew()
        .run(() -> feeds.recordFailure(feed.id, httpStatus, error, nextPoll));
    meters.counter("newsbrief.feeds.polls", "outcome", "failed").increment();
  }

  /** The wait after the n-th failure in a row: the interval doubled n times, capped. */
  Duration backoff(Duration interval, int failures) {
    Duration wait = interval.multipliedBy(1L << Math.min(failures, 20));
    return wait.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : wait;
  }

  /**
   * Now plus {@code wait}, moved by up to ±jitter of it; but not before {@code serverAsked} has
   * passed, up to the longest interval.
   */
  Instant nextPoll(Duration wait, Duration serverAsked) {
    Instant now = Instant.now();
    double factor = 1 + config.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    Instant jittered = now.plusMillis((long) (wait.toMillis() * factor));
    Instant earliest = now.plus(shorter(serverAsked, config.maxInterval()));
    return jittered.isBefore(earliest) ? earliest : jittered;
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
