package io.newsbrief.gateway.client;

import io.newsbrief.proto.article.v1.Article;
import io.newsbrief.proto.summary.v1.Brief;
import io.newsbrief.proto.summary.v1.JobState;
import io.newsbrief.proto.summary.v1.Section;
import io.newsbrief.proto.summary.v1.StoryBrief;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the fake article-service and summary-service hold, and whether they are "down". A singleton,
 * not application-scoped: the fakes read its fields, which a client proxy would not forward.
 */
@Singleton
public class FakeDownstreams {

  final Map<String, Article> articlesByUrl = new ConcurrentHashMap<>();
  final Map<String, Brief> briefsByArticle = new ConcurrentHashMap<>();
  final Map<String, io.newsbrief.proto.article.v1.Feed> feedsById = new ConcurrentHashMap<>();

  /** Story briefs by story id: absent until {@link #storyBriefRequested}. */
  final Map<String, StoryBrief> storyBriefs = new ConcurrentHashMap<>();

  /** Merged story id to the story it was merged into. */
  final Map<String, String> storyAliases = new ConcurrentHashMap<>();

  volatile boolean articlesDown;
  volatile boolean summariesDown;

  /** Whether WatchBriefChanges is served (off: UNIMPLEMENTED, so nothing is kept in memory). */
  volatile boolean announcesChanges;

  /** Calls that reached the fake article-service, answered or not. */
  final java.util.concurrent.atomic.AtomicInteger articleCalls =
      new java.util.concurrent.atomic.AtomicInteger();

  final java.util.concurrent.atomic.AtomicInteger getBriefCalls =
      new java.util.concurrent.atomic.AtomicInteger();
  final List<io.grpc.stub.StreamObserver<io.newsbrief.proto.summary.v1.BriefChange>>
      changeWatchers = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** The feed's change log, oldest first: article ids, a removal marked by {@link #REMOVED}. */
  final List<String> changeLog = new java.util.concurrent.CopyOnWriteArrayList<>();

  static final String REMOVED = "-";

  /** Sync tokens before this log position are too old (their tombstones are gone). */
  volatile int oldestKept;

  public void reset() {
    articlesByUrl.clear();
    briefsByArticle.clear();
    feedsById.clear();
    storyAliases.clear();
    storyBriefs.clear();
    changeLog.clear();
    oldestKept = 0;
    articlesDown = false;
    summariesDown = false;
    announcesChanges = false;
    endChangeStreams();
  }

  /** summary-service has a job for the story's brief, not yet done. */
  public void storyBriefRequested(String storyId) {
    storyBriefs.put(
        storyId,
        StoryBrief.newBuilder()
            .setStoryId(storyId)
            .setJobId(UUID.randomUUID().toString())
            .setState(JobState.JOB_STATE_PENDING)
            .build());
  }

  /** summary-service made the story's brief: {@code brief} with the story id and DONE. */
  public void storyBriefMade(String storyId, StoryBrief brief) {
    storyBriefs.put(
        storyId, brief.toBuilder().setStoryId(storyId).setState(JobState.JOB_STATE_DONE).build());
  }

  public void summariesDown(boolean down) {
    summariesDown = down;
    if (down) {
      endChangeStreams();
    }
  }

  public void announceChanges() {
    announcesChanges = true;
  }

  /** How many articles the fake article-service holds. */
  public int articleCount() {
    return articlesByUrl.size();
  }

  /**
   * Merges the story {@code merged} into {@code survivor} as article-service does when an article
   * bridges them: its articles move, its id answers with the survivor.
   */
  public void mergeStories(String merged, String survivor) {
    articlesByUrl.replaceAll(
        (url, article) ->
            article.getStoryId().equals(merged)
                ? article.toBuilder().setStoryId(survivor).build()
                : article);
    storyAliases.put(merged, survivor);
  }

  public int articleCalls() {
    return articleCalls.get();
  }

  public int getBriefCalls() {
    return getBriefCalls.get();
  }

  /** Replaces an article's brief lead, announcing the change as summary-service would. */
  public void rewriteLead(String articleId, String lead) {
    briefsByArticle.computeIfPresent(
        articleId, (id, brief) -> brief.toBuilder().setLead(lead).build());
    changeLog.add(articleId);
    announce(articleId);
  }

  /** Withdraws an article's brief as summary-service would: gone, logged, announced. */
  boolean withdraw(String articleId) {
    if (briefsByArticle.remove(articleId) == null) {
      return false;
    }
    changeLog.add(REMOVED + articleId);
    announce(articleId);
    return true;
  }

  /** Retention passed: every sync token given out so far is too old. */
  public void expireSyncTokens() {
    oldestKept = changeLog.size() + 1;
  }

  void announce(String articleId) {
    var change =
        io.newsbrief.proto.summary.v1.BriefChange.newBuilder().setArticleId(articleId).build();
    changeWatchers.forEach(watcher -> watcher.onNext(change));
  }

  private void endChangeStreams() {
    changeWatchers.forEach(
        watcher -> watcher.onError(io.grpc.Status.UNAVAILABLE.asRuntimeException()));
    changeWatchers.clear();
  }

  public void articlesDown(boolean down) {
    articlesDown = down;
  }

  /** Finishes the brief of an article, as a summary-service worker would. */
  public void finishBrief(String articleId) {
    Article article =
        articlesByUrl.values().stream()
            .filter(a -> a.getId().equals(articleId))
            .findFirst()
            .orElseThrow();
    briefsByArticle.put(
        articleId,
        Brief.newBuilder()
            .setArticleId(articleId)
            .setJobId(articleId)
            .setState(JobState.JOB_STATE_DONE)
            .setTitle(article.getTitle())
            .setSourceUrl(article.getUrl())
            .setSourceName(article.getSourceName())
            .setLanguage("en")
            .setMethod("extractive-v1")
            .setFaithfulness(0.5f)
            .setGeneratedAt(
                com.google.protobuf.Timestamp.newBuilder()
                    .setSeconds(1_790_000_000L + briefsByArticle.size()))
            .setLead("The lead of " + article.getTitle() + ".")
            .addSections(
                Section.newBuilder().setHeading("Border Talks").addParagraphs("A paragraph."))
            .build());
    changeLog.add(articleId);
    announce(articleId);
  }

  public void failBrief(String articleId, String reason) {
    briefsByArticle.put(
        articleId,
        Brief.newBuilder()
            .setArticleId(articleId)
            .setJobId(articleId)
            .setState(JobState.JOB_STATE_FAILED)
            .setReason(reason)
            .build());
    announce(articleId);
  }
}
