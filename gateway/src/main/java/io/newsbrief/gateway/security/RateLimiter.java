package io.newsbrief.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per client (key or address): {@code perMinute} requests a minute, in bursts of up
 * to that many. Buckets idle for a while are forgotten, so the map stays bounded by active clients.
 */
public final class RateLimiter {

  private static final int SWEEP_ABOVE = 10_000;
  private static final long IDLE_NANOS = Duration.ofMinutes(10).toNanos();

  private final double capacity;
  private final double tokensPerNano;
  private final LongSupplier clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int perMinute, LongSupplier nanoClock) {
    this.capacity = perMinute;
    this.tokensPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
    this.clock = nanoClock;
  }

  /**
   * @return 0 when the request may go ahead, else the seconds to wait before the next token
   */
  public long acquire(String client) {
    long now = clock.getAsLong();
    if (buckets.size() > SWEEP_ABOVE) {
      buckets.values().removeIf(bucket -> now - bucket.updated > IDLE_NANOS);
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * tokensPerNano);
      bucket.updated = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / tokensPerNano / 1e9));
    }
  }

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }
}
