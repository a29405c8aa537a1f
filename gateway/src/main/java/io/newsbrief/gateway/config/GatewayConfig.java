package io.newsbrief.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "newsbrief.gateway")
public interface GatewayConfig {

  /** SHA-256 (lower-case hex) of each accepted API key. Keys themselves are never configured. */
  List<String> apiKeyHashes();

  /** Whether reads need no key. */
  @WithDefault("true")
  boolean publicReads();

  @WithDefault("120")
  int writesPerMinutePerKey();

  @WithDefault("60")
  int writesPerMinutePerIp();

  /** Deadline of each gRPC call to a downstream service. */
  @WithDefault("3S")
  Duration downstreamDeadline();

  /** Retry-After sent with 202 (brief in progress) and 503 (downstream unavailable). */
  @WithDefault("2")
  int retryAfterSeconds();

  /** Longest wait before following summary-service's brief changes again after a failure. */
  @WithDefault("30S")
  java.time.Duration briefChangesRetryMax();
}
