package io.newsbrief.summary.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.newsbrief.commons.error.NotFoundException;
import io.newsbrief.commons.error.UnavailableException;
import io.newsbrief.proto.article.v1.Article;
import io.newsbrief.proto.article.v1.ArticleView;
import io.newsbrief.proto.article.v1.BatchGetArticlesRequest;
import io.newsbrief.proto.article.v1.BatchGetArticlesResponse;
import io.newsbrief.proto.article.v1.GetStoryRequest;
import io.newsbrief.proto.article.v1.MutinyArticleServiceGrpc.MutinyArticleServiceStub;
import io.newsbrief.proto.article.v1.MutinyStoryServiceGrpc.MutinyStoryServiceStub;
import io.newsbrief.proto.article.v1.Story;
import io.newsbrief.summary.config.SummaryConfig;
import io.newsbrief.summary.summarizer.ArticleContent;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * article-service as summary-service needs it. Each call has its own deadline and waits within it
 * for the channel to be ready (a call made while the channel reconnects, after article-service
 * restarted, waits for it instead of failing at once); a failed call is retried twice with jitter,
 * then reported as {@link UnavailableException}. Proto and gRPC types stop here.
 */
@ApplicationScoped
public class ArticleClient {

  static final int TEXTS_PER_CALL = 8;

  private static final Duration RETRY_DELAY = Duration.ofMillis(200);

  /** As many as one brief request names: up to 13 concurrent calls of {@value #TEXTS_PER_CALL}. */
  public static final int ARTICLES_PER_REQUEST = 100;

  private final MutinyArticleServiceStub concurrentArticles;
  private final MutinyStoryServiceStub concurrentStories;
  private final long deadlineMillis;

  ArticleClient(
      @GrpcClient("articles") MutinyArticleServiceStub concurrentArticles,
      @GrpcClient("articles") MutinyStoryServiceStub concurrentStories,
      SummaryConfig config) {
    this.concurrentArticles = concurrentArticles;
    this.concurrentStories = concurrentStories;
    this.deadlineMillis = config.articleDeadline().toMillis();
  }

  /** A story and its members, the earliest published first. */
  public record StoryMembers(UUID id, String headline, String language, List<Member> members) {}

  /** A story member as a brief's source marker shows it: outlet (or site), title, link. */
  public record Member(UUID articleId, String outlet, String title, String url) {}

  /**
   * A story as its brief reads it: its members, or why it could not be read ({@link
   * NotFoundException} when article-service knows no such story, else {@link
   * UnavailableException}).
   */
  public record StoryRead(StoryMembers story, RuntimeException failure) {}

  /**
   * The stories {@code storyIds}, each as it is now or, when it was merged into another, that one
   * (its id differs). Every GetStory is in flight at once, each with its own deadline and retried
   * twice when unavailable: a batch of story jobs costs one round trip, and a story that cannot be
   * read fails alone.
   */
  public Map<UUID, StoryRead> stories(List<UUID> storyIds) {
    List<Uni<StoryRead>> calls = new ArrayList<>();
    for (UUID id : storyIds) {
      calls.add(
          concurrentStories
              .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
              .withWaitForReady()
              .getStory(GetStoryRequest.newBuilder().setId(id.toString()).build())
              .onFailure(ArticleClient::isRetryable)
              .retry()
              .withBackOff(RETRY_DELAY)
              .atMost(2)
              .map(story -> new StoryRead(members(story), null))
              .onFailure(StatusRuntimeException.class)
              .recoverWithItem(
                  e ->
                      new StoryRead(
                          null, notFoundOrUnavailable((StatusRuntimeException) e, "story " + id))));
    }
    if (calls.isEmpty()) {
      return Map.of();
    }
    List<StoryRead> reads = Uni.join().all(calls).andFailFast().await().indefinitely();
    Map<UUID, StoryRead> byId = new HashMap<>();
    for (int i = 0; i < storyIds.size(); i++) {
      byId.put(storyIds.get(i), reads.get(i));
    }
    return byId;
  }

  private static boolean isRetryable(Throwable failure) {
    return failure instanceof StatusRuntimeException e
        && e.getStatus().getCode() != Status.Code.NOT_FOUND;
  }

  private static StoryMembers members(Story story) {
    List<Member> members =
        story.getMembersList().stream()
            .map(
                m ->
                    new Member(
                        UUID.fromString(m.getArticleId()),
                        m.getSourceName().isBlank() ? site(m.getCanonicalUrl()) : m.getSourceName(),
                        m.getTitle(),
                        m.getCanonicalUrl()))
            .toList();
    return new StoryMembers(
        UUID.fromString(story.getId()), story.getHeadline(), story.getLanguage(), members);
  }

  /**
   * The texts of the articles that still exist, by id, fetched {@value #TEXTS_PER_CALL} per call,
   * the calls at once.
   */
  @Retry(maxRetries = 2, delay = 200, jitter = 100)
  @RetryWhen(exception = IsUnavailable.class)
  public Map<UUID, ArticleContent> contents(List<UUID> ids) {
    Map<UUID, ArticleContent> contents = new HashMap<>();
    for (Article a : fullArticles(ids)) {
      contents.put(
          UUID.fromString(a.getId()),
          new ArticleContent(a.getTitle(), a.getText(), a.getLanguage()));
    }
    return contents;
  }

  /**
   * The articles that exist, by id, with what their briefs need: header, content hash and text.
   *
   * @param ids at most {@value #ARTICLES_PER_REQUEST}
   */
  @Retry(maxRetries = 2, delay = 200, jitter = 100)
  @RetryWhen(exception = IsUnavailable.class)
  public Map<UUID, ArticleToSummarize> toSummarize(List<UUID> ids) {
    Map<UUID, ArticleToSummarize> found = new HashMap<>();
    for (Article a : fullArticles(ids)) {
      UUID id = UUID.fromString(a.getId());
      found.put(
          id,
          new ArticleToSummarize(
              new ArticleHeader(
                  id,
                  a.getTitle(),
                  a.getCanonicalUrl(),
                  a.getSourceName(),
                  a.getLanguage(),
                  a.getContentSha256()),
              a.getText()));
    }
    return found;
  }

  /**
   * Full articles, {@value #TEXTS_PER_CALL} per BatchGetArticles so that an answer of texts of up
   * to 1 MiB each stays under the client's 16 MiB message limit, every call in flight at once (each
   * with its own deadline): a batch costs one round trip, not one per eight.
   */
  private List<Article> fullArticles(List<UUID> ids) {
    List<Uni<BatchGetArticlesResponse>> calls = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += TEXTS_PER_CALL) {
      List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + TEXTS_PER_CALL));
      calls.add(
          concurrentArticles
              .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
              .withWaitForReady()
              .batchGetArticles(
                  BatchGetArticlesRequest.newBuilder()
                      .addAllIds(batch.stream().map(UUID::toString).toList())
                      .setView(ArticleView.ARTICLE_VIEW_FULL)
                      .build()));
    }
    if (calls.isEmpty()) {
      return List.of();
    }
    try {
      return Uni.join().all(calls).andFailFast().await().indefinitely().stream()
          .flatMap(response -> response.getArticlesList().stream())
          .toList();
    } catch (StatusRuntimeException e) {
      throw unavailable(e);
    }
  }

  private static String site(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? url : host.replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /** What a brief's header shows, and the content hash that keys its job. */
  public record ArticleHeader(
      UUID id,
      String title,
      String canonicalUrl,
      String sourceName,
      String language,
      String contentSha256) {}

  /** An article as its brief is requested: the header, and the text its content hash names. */
  public record ArticleToSummarize(ArticleHeader header, String text) {}

  /** NOT_FOUND as {@link NotFoundException} naming {@code what}; any other failure unavailable. */
  private static RuntimeException notFoundOrUnavailable(
      StatusRuntimeException failure, String what) {
    return failure.getStatus().getCode() == Status.Code.NOT_FOUND
        ? new NotFoundException(what + " not found")
        : unavailable(failure);
  }

  private static UnavailableException unavailable(StatusRuntimeException failure) {
    return new UnavailableException(
        "article-service answered " + failure.getStatus().getCode(), failure);
  }

  /** Retry only what a retry can fix: not a missing article. */
  public static final class IsUnavailable implements Predicate<Throwable> {
    @Override
    public boolean test(Throwable failure) {
      return failure instanceof UnavailableException;
    }
  }
}
