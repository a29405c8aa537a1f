package io.newsbrief.article.story;

import io.newsbrief.article.repository.NewArticle;
import io.newsbrief.article.repository.StoryRepository;
import io.newsbrief.article.repository.StoryRepository.StoredVector;
import io.newsbrief.article.story.StoryClustering.Assignment;
import io.newsbrief.article.story.StoryClustering.Member;
import io.newsbrief.article.story.StoryClustering.TermVector;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Gives each new article of a batch its story, with {@link StoryClustering} over the stored stories
 * the batch can meet: under an advisory lock held until the batch commits (so replicas assign one
 * after another and never split an event between them), it loads the term statistics and the
 * stories with a member sharing one of its articles' heaviest terms within the window — three
 * queries a batch, whatever the number of stored articles — and assigns the batch in publication
 * order.
 */
@ApplicationScoped
public class StoryGrouper {

  private final StoryRepository repository;
  private final StoryConfig config;

  StoryGrouper(StoryRepository repository, StoryConfig config) {
    this.repository = repository;
    this.config = config;
  }

  /** The articles, in their order, each with its story id and term vector. */
  public List<NewArticle> group(List<NewArticle> articles) {
    if (articles.isEmpty()) {
      return articles;
    }
    repository.lockAssignment();
    StoryClustering clustering = new StoryClustering(config.settings());
    Map<UUID, Map<String, Double>> counts = new HashMap<>();
    articles.forEach(
        article ->
            counts.put(article.id(), clustering.countTerms(article.title(), article.text())));
    Set<String> terms = new HashSet<>();
    counts.values().forEach(articleCounts -> terms.addAll(articleCounts.keySet()));
    Instant from = earliest(articles).minus(config.window());
    Instant to = latest(articles).plus(config.window());
    StoryRepository.TermStatistics statistics = repository.statistics(terms);
    clustering.rememberStatistics(statistics.documents(), statistics.documentFrequency());
    Set<String> indexTerms = new HashSet<>();
    counts
        .values()
        .forEach(articleCounts -> indexTerms.addAll(clustering.indexTermsOf(articleCounts)));
    for (StoredVector stored : repository.storiesSharing(indexTerms, from, to)) {
      clustering.remember(
          new Member(
              stored.articleId().toString(),
              stored.storyId().toString(),
              stored.publishedAt(),
              new TermVector(stored.terms(), stored.weights())));
    }
    Map<UUID, Assignment> assignments = new HashMap<>();
    articles.stream()
        .sorted(Comparator.comparing(NewArticle::publishedAt).thenComparing(NewArticle::id))
        .forEach(
            article ->
                assignments.put(
                    article.id(),
                    clustering.assign(
                        article.id().toString(), counts.get(article.id()), article.publishedAt())));
    return articles.stream()
        .map(
            article -> {
              Assignment assignment = assignments.get(article.id());
              return article.withStory(
                  UUID.fromString(assignment.storyId()),
                  assignment.vector().terms(),
                  assignment.vector().weights());
            })
        .toList();
  }

  /** Indexes the stored ones among {@code grouped} so later articles can find their story. */
  public void index(List<NewArticle> grouped, Set<UUID> storedIds) {
    repository.record(
        grouped.stream().filter(article -> storedIds.contains(article.id())).toList(),
        config.indexedTerms());
  }

  private static Instant earliest(List<NewArticle> articles) {
    return articles.stream()
        .map(NewArticle::publishedAt)
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  private static Instant latest(List<NewArticle> articles) {
    return articles.stream()
        .map(NewArticle::publishedAt)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }
}
