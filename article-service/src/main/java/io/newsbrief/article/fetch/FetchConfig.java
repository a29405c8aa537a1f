package io.newsbrief.article.fetch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How article-service fetches feeds and pages from the open web. */
@ConfigMapping(prefix = "newsbrief.fetch")
public interface FetchConfig {

  @WithDefault("5S")
  Duration connectTimeout();

  /** Longest silence while waiting for or reading an answer. */
  @WithDefault("10S")
  Duration idleTimeout();

  /** Bound on one fetch, redirects included: a trickling server cannot hold a poller longer. */
  @WithDefault("30S")
  Duration totalTimeout();

  @WithDefault("5")
  int maxRedirects();

  /** Concurrent fetches per host, so one slow or large site cannot take every poller. */
  @WithDefault("2")
  int perHostConcurrency();

  @WithDefault("NewsbriefBot/0.1 (+https://github.com/newsbrief/newsbrief)")
  String userAgent();

  /**
   * Whether loopback addresses may be fetched. Off in production (SSRF); tests and the local
   * launcher turn it on to serve feeds from localhost.
   */
  @WithDefault("false")
  boolean allowLoopback();

  /** Whether private, link-local and other non-public addresses may be fetched (SSRF). */
  @WithDefault("false")
  boolean allowPrivateNetworks();
}
