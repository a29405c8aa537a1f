package io.newsbrief.gateway.service;

import io.newsbrief.gateway.client.BriefChanges;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finished briefs and unsearched feed pages kept in memory, so repeated reads do not reach
 * summary-service. Kept only while summary-service's change stream is live: a changed brief is
 * dropped (and every feed page with it) as soon as it is announced; while the stream is down
 * nothing is served from here or kept. An answer fetched while a change arrived is not kept (it may
 * predate the change).
 */
@ApplicationScoped
public class FreshBriefs {

  static final String BRIEFS = "fresh-briefs";
  static final String FEED_PAGES = "fresh-feed-pages";

  private final BriefChanges changeStream;
  private final CaffeineCache briefs;
  private final CaffeineCache feedPages;
  private final AtomicLong changes = new AtomicLong();
  private volatile boolean live;

  FreshBriefs(
      BriefChanges changeStream,
      @CacheName(BRIEFS) Cache briefs,
      @CacheName(FEED_PAGES) Cache feedPages) {
    this.changeStream = changeStream;
    this.briefs = briefs.as(CaffeineCache.class);
    this.feedPages = feedPages.as(CaffeineCache.class);
  }

  void on(@Observes BriefChanges.Signal signal) {
    changes.incrementAndGet();
    if (signal instanceof BriefChanges.Changed changed) {
      briefs.invalidate(changed.articleId()).await().indefinitely();
      feedPages.invalidateAll().await().indefinitely();
    } else {
      // Live: complete from here on, whatever was kept may predate it. Lost: changes may be missed.
      live = false;
      forgetAll();
      live = signal instanceof BriefChanges.Live;
    }
  }

  /** A token to pass to {@link #keep}: answers read after it are kept only if nothing changed. */
  long beforeRead() {
    return changes.get();
  }

  <T> Optional<T> brief(String articleId) {
    return get(briefs, articleId);
  }

  /** Feed pages and delta-sync answers: any change drops them all. */
  <T> Optional<T> feedPage(String key) {
    return get(feedPages, key);
  }

  void keepBrief(String articleId, Object brief, long readToken) {
    keep(briefs, articleId, brief, readToken);
  }

  void keepFeedPage(String key, Object page, long readToken) {
    keep(feedPages, key, page, readToken);
  }

  private <T> Optional<T> get(CaffeineCache cache, String key) {
    changeStream.ensureFollowing();
    if (!live) {
      return Optional.empty();
    }
    CompletableFuture<T> kept = cache.getIfPresent(key);
    return kept == null ? Optional.empty() : Optional.ofNullable(kept.getNow(null));
  }

  private void keep(CaffeineCache cache, String key, Object value, long readToken) {
    if (live && changes.get() == readToken) {
      cache.put(key, CompletableFuture.completedFuture(value));
      // A change that raced the put must still win: drop what may now be stale.
      if (changes.get() != readToken) {
        cache.invalidate(key).await().indefinitely();
      }
    }
  }

  private void forgetAll() {
    briefs.invalidateAll().await().indefinitely();
    feedPages.invalidateAll().await().indefinitely();
  }
}
