package io.newsbrief.gateway.service;

import io.newsbrief.gateway.client.DownstreamUnavailable;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Stale-if-error for reads: every good answer is remembered (bounded by size and age, see {@code
 * quarkus.cache.caffeine."last-good-answers".*}), and while the service behind a read is failing
 * the last good answer is served instead of an error. Rejections of the request itself (bad id, not
 * found) are never covered up.
 */
@ApplicationScoped
public class LastGoodAnswers {

  static final String CACHE_NAME = "last-good-answers";

  private final CaffeineCache cache;

  LastGoodAnswers(@CacheName(CACHE_NAME) Cache cache) {
    this.cache = cache.as(CaffeineCache.class);
  }

  /**
   * The fresh answer (remembered when {@code worthKeeping}), or the last good one for {@code key}
   * when the downstream fails; the failure itself when there is none.
   */
  public <T> Served<T> serve(String key, Supplier<T> fresh, Predicate<T> worthKeeping) {
    T value;
    try {
      value = fresh.get();
    } catch (DownstreamUnavailable | FaultToleranceException downstreamFailure) {
      T kept = lastGood(key);
      if (kept == null) {
        throw downstreamFailure;
      }
      return new Served<>(kept, true);
    }
    if (worthKeeping.test(value)) {
      cache.put(key, CompletableFuture.completedFuture(value));
    }
    return new Served<>(value, false);
  }

  private <T> T lastGood(String key) {
    CompletableFuture<T> kept = cache.getIfPresent(key); // each key holds one type: the caller's
    return kept == null ? null : kept.getNow(null);
  }
}
