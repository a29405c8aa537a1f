package io.newsbrief.article.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what article-service accepts and returns. */
@ConfigMapping(prefix = "newsbrief.articles")
public interface ArticleLimits {

  /** Largest article text, in UTF-8 bytes after normalisation. */
  @WithDefault("1048576")
  int maxTextBytes();

  /** Largest HTML page accepted for text extraction, in UTF-8 bytes. */
  @WithDefault("4194304")
  int maxHtmlBytes();

  @WithDefault("20")
  int defaultPageSize();

  @WithDefault("100")
  int maxPageSize();

  /** Articles written per database round trip by ImportArticles. */
  @WithDefault("500")
  int importBatchSize();

  /**
   * Bytes of ImportArticles messages past which a batch is written without waiting for more: with
   * {@code import-concurrency} batches in flight and one filling, one stream holds at most about
   * (concurrency + 1) × (this + one message), whatever its articles weigh.
   */
  @WithDefault("8388608")
  long importBatchBytes();

  /**
   * Batches of one ImportArticles stream written at once, each in its own transaction. A batch
   * mostly waits (its insert, its commit's WAL flush, the CPU shared with grouping and the brief
   * relay), so more than the cores: on two cores, with the relay running, 2 stored ~1,800
   * articles/s, 4 ~2,700 and 8 no more (docs/performance.md).
   */
  @WithDefault("4")
  int importConcurrency();
}
