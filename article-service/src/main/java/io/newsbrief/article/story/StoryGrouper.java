package io.newsbrief.article.story;

import io.newsbrief.article.repository.ArticleRepository;
import io.newsbrief.article.repository.ArticleRepository.StoryCandidate;
import io.newsbrief.article.repository.NewArticle;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives each new article a story id: that of the most similar stored (or same-batch) article
 * published within the window, when the similarity of their titles and leads reaches the threshold;
 * else a new story, named by the article's own id. Candidates come from the LSH bands, so the cost
 * does not grow with the number of stored articles.
 */
@ApplicationScoped
public class StoryGrouper {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final ArticleRepository repository;
  private final StoryConfig config;

  StoryGrouper(ArticleRepository repository, StoryConfig config) {
    this.repository = repository;
    this.config = config;
  }

  /** The articles, in order, each with its story id and signature set. Runs one query. */
  public List<NewArticle> group(List<NewArticle> articles) {
    if (articles.isEmpty()) {
      return articles;
    }
    List<int[]> signatures = articles.stream().map(this::signature).toList();
    Duration window = config.window();
    Instant earliest =
        articles.stream().map(NewArticle::publishedAt).min(Comparator.naturalOrder()).orElseThrow();
    Instant latest =
        articles.stream().map(NewArticle::publishedAt).max(Comparator.naturalOrder()).orElseThrow();
    long[] bands =
        signatures.stream()
            .flatMapToLong(signature -> Arrays.stream(MinHash.bands(signature)))
            .toArray();
    List<StoryCandidate> candidates =
        new ArrayList<>(
            repository.storyCandidates(bands, earliest.minus(window), latest.plus(window)));

    List<NewArticle> grouped = new ArrayList<>(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      NewArticle article = articles.get(i);
      int[] signature = signatures.get(i);
      UUID storyId = article.id();
      double best = config.minSimilarity();
      for (StoryCandidate candidate : candidates) {
        double similarity = MinHash.similarity(signature, candidate.signature());
        if (similarity >= best
            && Duration.between(candidate.publishedAt(), article.publishedAt())
                    .abs()
                    .compareTo(window)
                <= 0) {
          best = similarity;
          storyId = candidate.storyId();
        }
      }
      NewArticle withStory = article.withStory(storyId, signature);
      grouped.add(withStory);
      candidates.add(new StoryCandidate(article.id(), storyId, article.publishedAt(), signature));
    }
    return grouped;
  }

  /** Indexes the stored ones among {@code grouped} so later articles can find their story. */
  public void index(List<NewArticle> grouped, Set<UUID> storedIds) {
    Map<UUID, long[]> bands = new HashMap<>();
    for (NewArticle article : grouped) {
      if (storedIds.contains(article.id())) {
        bands.put(article.id(), MinHash.bands(article.storySignature()));
      }
    }
    repository.insertStoryBands(bands);
  }

  private int[] signature(NewArticle article) {
    String[] words = WHITESPACE.split(article.text(), config.leadWords() + 1);
    String lead =
        String.join(
            " ", Arrays.asList(words).subList(0, Math.min(words.length, config.leadWords())));
    return MinHash.signature(article.title() + " " + lead);
  }
}
