package io.newsbrief.article.story;

import io.newsbrief.article.repository.BriefRequestOutbox;
import io.newsbrief.article.repository.NewArticle;
import io.newsbrief.article.repository.Story;
import io.newsbrief.article.repository.StoryIndexRepository;
import io.newsbrief.article.repository.StoryRepository;
import io.newsbrief.article.story.StoryClustering.Assignment;
import io.newsbrief.article.story.StoryEvents.StoriesChanged;
import io.newsbrief.article.story.StoryEvents.StoriesPending;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
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
 * after another and never split an event between them), it takes the clustering this replica kept
 * from its last batch ({@link RememberedStories}: reading only the corpus count, the statistics of
 * terms it has not met and the members published since, or the batch's whole window when another
 * writer assigned in between) and assigns the batch in publication order.
 */
@ApplicationScoped
public class StoryGrouper {

  private final StoryIndexRepository index;
  private final RememberedStories remembered;
  private final StoryRepository stories;
  private final BriefRequestOutbox briefRequests;
  private final StoryConfig config;
  private final Event<StoriesChanged> events;
  private final Event<StoriesPending> pendingEvents;

  StoryGrouper(
      StoryIndexRepository index,
      RememberedStories remembered,
      StoryRepository stories,
      BriefRequestOutbox briefRequests,
      StoryConfig config,
      Event<StoriesChanged> events,
      Event<StoriesPending> pendingEvents) {
    this.index = index;
    this.remembered = remembered;
    this.stories = stories;
    this.briefRequests = briefRequests;
    this.config = config;
    this.events = events;
    this.pendingEvents = pendingEvents;
  }

  /**
   * A grouped batch: the articles, in their order, each with its story id and term vector; the
   * stories they merged (merged id to survivor); and the member heading each story they joined.
   */
  public record StoryBatch(
      List<NewArticle> articles, Map<UUID, UUID> survivorByMerged, Map<UUID, UUID> headlines) {}

  /**
   * Groups the articles of a batch, to be stored and then {@link #index indexed}; with clustering
   * off, each is a story of its own and gets no term vector (the backfill groups it later).
   */
  public StoryBatch group(List<NewArticle> articles) {
    return config.enabled() ? cluster(articles) : alone(articles);
  }

  /**
   * A batch to be stored without stories: the {@link StoryAssigner} groups it right after it
   * commits, so an import waits for its insert, not for clustering. Until then its articles have no
   * story; stored, they cannot be lost to a crash (the assigner finds them again on start). With
   * clustering off, each is a story of its own as in {@link #group}.
   */
  public StoryBatch deferred(List<NewArticle> articles) {
    if (!config.enabled()) {
      return alone(articles);
    }
    if (!articles.isEmpty()) {
      pendingEvents.fire(new StoriesPending());
    }
    return new StoryBatch(articles, Map.of(), Map.of());
  }

  private static StoryBatch alone(List<NewArticle> articles) {
    List<NewArticle> alone =
        articles.stream().map(article -> article.withStory(article.id(), null, null)).toList();
    Map<UUID, UUID> headlines = new HashMap<>();
    alone.forEach(article -> headlines.put(article.id(), article.id()));
    return new StoryBatch(alone, Map.of(), headlines);
  }

  private StoryBatch cluster(List<NewArticle> articles) {
    if (articles.isEmpty()) {
      return new StoryBatch(articles, Map.of(), Map.of());
    }
    index.lockAssignment();
    Map<UUID, Map<String, Double>> counts = new HashMap<>();
    articles.forEach(
        article ->
            counts.put(
                article.id(), StoryTerms.of(article.title(), article.text(), config.leadWords())));
    Set<String> terms = new HashSet<>();
    counts.values().forEach(articleCounts -> terms.addAll(articleCounts.keySet()));
    StoryClustering clustering = remembered.clustering(earliest(articles), latest(articles), terms);
    Map<UUID, Assignment> assignments = new HashMap<>();
    Set<String> merged = new HashSet<>();
    articles.stream()
        .sorted(Comparator.comparing(NewArticle::publishedAt).thenComparing(NewArticle::id))
        .forEach(
            article -> {
              Assignment assignment =
                  clustering.assign(
                      article.id().toString(), counts.get(article.id()), article.publishedAt());
              assignments.put(article.id(), assignment);
              merged.addAll(assignment.merged());
            });
    // A later article of the batch may have merged an earlier one's story: the survivor counts.
    List<NewArticle> grouped =
        articles.stream()
            .map(
                article -> {
                  Assignment assignment = assignments.get(article.id());
                  return article.withStory(
                      UUID.fromString(clustering.survivorOf(assignment.storyId())),
                      assignment.vector().terms(),
                      assignment.vector().weights());
                })
            .toList();
    Map<UUID, UUID> survivorByMerged = new HashMap<>();
    merged.forEach(
        story ->
            survivorByMerged.put(
                UUID.fromString(story), UUID.fromString(clustering.survivorOf(story))));
    Map<UUID, UUID> headlines = new HashMap<>();
    grouped.forEach(
        article ->
            headlines.computeIfAbsent(
                article.storyId(),
                story -> UUID.fromString(clustering.centralMember(story.toString()))));
    return new StoryBatch(grouped, survivorByMerged, headlines);
  }

  /**
   * Indexes the stored ones among the batch's articles so later articles can find their story,
   * applies its merges and refreshes the stories it changed; watchers hear of them once the
   * transaction commits.
   */
  public void index(StoryBatch batch, Set<UUID> storedIds) {
    List<NewArticle> stored =
        batch.articles().stream()
            .filter(article -> storedIds.contains(article.id()) && article.storyTerms() != null)
            .toList();
    index.record(stored, config.indexedTerms());
    publish(batch.survivorByMerged(), batch.headlines());
  }

  /**
   * Groups stored articles that have no term vector yet — imported ones waiting for the {@link
   * StoryAssigner}, and those stored before stories were clustered or while clustering was off — a
   * batch at a time, the earliest published first. A story id they had before keeps answering: it
   * becomes an alias of the story its first article now belongs to. Clusters even while clustering
   * is off for new articles: that is what it is asked to do (and with it skipped, the same articles
   * would come back unindexed forever).
   *
   * @return how many articles this batch re-grouped (0 once none is left)
   */
  @Transactional
  public int backfill(int batchSize) {
    List<NewArticle> unindexed = index.unindexed(batchSize);
    StoryBatch batch = cluster(unindexed);
    index.reassign(batch.articles());
    index.record(batch.articles(), config.indexedTerms());
    // The batch's story ids are already survivors, so a former id maps straight to its final story.
    Map<UUID, UUID> survivorByMerged = new HashMap<>(batch.survivorByMerged());
    for (int i = 0; i < unindexed.size(); i++) {
      UUID former = unindexed.get(i).storyId();
      if (former != null && !batch.headlines().containsKey(former)) {
        survivorByMerged.putIfAbsent(former, batch.articles().get(i).storyId());
      }
    }
    publish(survivorByMerged, batch.headlines());
    return unindexed.size();
  }

  private void publish(Map<UUID, UUID> survivorByMerged, Map<UUID, UUID> headlines) {
    stories.merge(survivorByMerged);
    List<Story> changed = stories.refresh(headlines);
    // In the same transaction: a story that gained members gets its brief remade, never skipped.
    briefRequests.requestStories(
        changed.stream().filter(story -> story.articles() >= 2).map(Story::id).toList());
    if (!changed.isEmpty() || !survivorByMerged.isEmpty()) {
      events.fire(new StoriesChanged(changed, survivorByMerged));
    }
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
