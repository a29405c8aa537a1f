package io.newsbrief.article.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The relay that asks summary-service for the brief of every stored article. */
@ConfigMapping(prefix = "newsbrief.articles.brief-requests")
public interface BriefRequestConfig {

  @WithDefault("true")
  boolean enabled();

  /** Brief-request calls in flight at once. */
  @WithDefault("8")
  int concurrency();

  /** Rows claimed per round: articles go 100 to a call. */
  @WithDefault("400")
  int batchSize();

  /** How long a claimed row stays with its relay before another may take it. */
  @WithDefault("30S")
  Duration lease();

  @WithDefault("2S")
  Duration backoffInitial();

  @WithDefault("5M")
  Duration backoffMax();

  /**
   * Deadline of each brief-request call: summary-service fetches the articles' texts within it (its
   * own calls have 5 s each).
   */
  @WithDefault("10S")
  Duration deadline();
}
