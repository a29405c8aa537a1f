package io.newsbrief.article.story;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How articles are clustered into stories ({@link StoryClustering}; defaults are its tuning). */
@ConfigMapping(prefix = "newsbrief.articles.stories")
public interface StoryConfig {

  /**
   * Off: every article is stored as a story of its own, without a term vector, so that {@code
   * BackfillStories} groups it later (sheds the clustering's work under a flood; the benchmark's
   * baseline).
   */
  @WithDefault("true")
  boolean enabled();

  /** Articles further apart in publication time are never compared. */
  @WithDefault("72H")
  Duration window();

  /** Words of the text, after the title, that an article is compared by. */
  @WithDefault("60")
  int leadWords();

  /** How many of an article's heaviest terms index it for later articles. */
  @WithDefault("16")
  int indexedTerms();

  /** Least average similarity to a story's members for an article to join it. */
  @WithDefault("0.11")
  double threshold();

  /** What each day between two articles takes off their similarity. */
  @WithDefault("0.08")
  double penaltyPerDay();

  /** How many imported articles the {@link StoryAssigner} groups in one transaction. */
  @WithDefault("500")
  int assignBatchSize();

  default StoryClustering.Settings settings() {
    return new StoryClustering.Settings(
        window(), leadWords(), indexedTerms(), threshold(), penaltyPerDay());
  }
}
