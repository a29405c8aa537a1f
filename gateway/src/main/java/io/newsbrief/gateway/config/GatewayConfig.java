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

  /** Live updates ({@code /api/v1/briefs/events}). */
  Events events();

  interface Events {
    /** A comment line this often keeps idle connections (and proxies) open. */
    @WithDefault("15S")
    java.time.Duration heartbeat();

    /** Events one subscriber may have unsent; a subscriber further behind is disconnected. */
    @WithDefault("256")
    int buffered();

    /** Subscribers per gateway replica; more get 503 with Retry-After. */
    @WithDefault("10000")
    int maxSubscribers();
  }
}
