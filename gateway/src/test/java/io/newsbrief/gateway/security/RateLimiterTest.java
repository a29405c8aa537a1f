package io.newsbrief.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(60, now::get);

  @Test
  void allowsABurstThenRefillsOneTokenPerSecond() {
    for (int i = 0; i < 60; i++) {
      assertThat(limiter.acquire("key")).isZero();
    }
    assertThat(limiter.acquire("key")).isEqualTo(1);

    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_000));
    assertThat(limiter.acquire("key")).isZero();
    assertThat(limiter.acquire("key")).isEqualTo(1);
  }

  @Test
  void clientsHaveTheirOwnBuckets() {
    for (int i = 0; i < 60; i++) {
      limiter.acquire("busy");
    }
    assertThat(limiter.acquire("busy")).isPositive();
    assertThat(limiter.acquire("quiet")).isZero();
  }
}
