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

  /** Batches of one ImportArticles stream written at once, each in its own transaction. */
  @WithDefault("2")
  int importConcurrency();
}
