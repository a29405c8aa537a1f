package io.newsbrief.gateway.security;

import io.newsbrief.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The write rate limits: one bucket per API key and one per client address. */
@ApplicationScoped
public class WriteLimits {

  private final RateLimiter perKey;
  private final RateLimiter perAddress;

  WriteLimits(GatewayConfig config) {
    this.perKey = new RateLimiter(config.writesPerMinutePerKey(), System::nanoTime);
    this.perAddress = new RateLimiter(config.writesPerMinutePerIp(), System::nanoTime);
  }

  /**
   * @return 0 when the write may go ahead, else the seconds to wait
   */
  public long secondsToWait(String keyFingerprint, String address) {
    return Math.max(perKey.acquire(keyFingerprint), perAddress.acquire(address));
  }
}
