package io.newsbrief.article.story;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How near-duplicate articles are grouped into stories. */
@ConfigMapping(prefix = "newsbrief.articles.stories")
public interface StoryConfig {

  /** Articles further apart in publication time are never the same story. */
  @WithDefault("72H")
  Duration window();

  /** Least estimated Jaccard similarity of title + lead shingles for the same story. */
  @WithDefault("0.5")
  double minSimilarity();

  /** Words of the text, after the title, that the signature covers. */
  @WithDefault("80")
  int leadWords();
}
