package io.newsbrief.summary.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.newsbrief.commons.error.NotFoundException;
import io.newsbrief.commons.error.UnavailableException;
import io.newsbrief.proto.article.v1.ArticleServiceGrpc.ArticleServiceBlockingStub;
import io.newsbrief.proto.article.v1.ArticleView;
import io.newsbrief.proto.article.v1.BatchGetArticlesRequest;
import io.newsbrief.proto.article.v1.BatchGetArticlesResponse;
import io.newsbrief.proto.article.v1.GetStoryRequest;
import io.newsbrief.proto.article.v1.Story;
import io.newsbrief.proto.article.v1.StoryServiceGrpc.StoryServiceBlockingStub;
import io.newsbrief.summary.config.SummaryConfig;
import io.newsbrief.summary.summarizer.ArticleContent;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * article-service as summary-service needs it. Each call has its own deadline; a failed call is
 * retried twice with jitter, then reported as {@link UnavailableException}. Proto and gRPC types
 * stop here.
 */
@ApplicationScoped
public class ArticleClient {

  static final int TEXTS_PER_CALL = 8;

  /** As many as one BatchGetArticles takes. */
  public static final int HEADERS_PER_CALL = 100;

  private final ArticleServiceBlockingStub articles;
  private final StoryServiceBlockingStub stories;
  private final long deadlineMillis;

  ArticleClient(
      @GrpcClient("articles") ArticleServiceBlockingStub articles,
      @GrpcClient("articles") StoryServiceBlockingStub stories,
      SummaryConfig config) {
    this.articles = articles;
    this.stories = stories;
    this.deadlineMillis = config.articleDeadline().toMillis();
  }

  /** A story and its members, the earliest published first. */
  public record StoryMembers(UUID id, String headline, String language, List<Member> members) {}

  /** A story member as a brief's source marker shows it: outlet (or site), title, link. */
  public record Member(UUID articleId, String outlet, String title, String url) {}

  /**
   * The story {@code storyId} or, when it was merged into another, that one (its id differs).
   *
   * @throws NotFoundException when article-service knows no such story
   */
  @Retry(maxRetries = 2, delay = 200, jitter = 100)
  @RetryWhen(exception = IsUnavailable.class)
  public StoryMembers story(UUID storyId) {
    Story story;
    try {
      story =
          stories
              .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
              .getStory(GetStoryRequest.newBuilder().setId(storyId.toString()).build());
    } catch (StatusRuntimeException e) {
      throw notFoundOrUnavailable(e, "story " + storyId);
    }
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
   * The texts of the articles that still exist, by id, fetched {@value #TEXTS_PER_CALL} per call:
   * with texts of up to 1 MiB each, an answer stays under the client's 16 MiB message limit.
   */
  @Retry(maxRetries = 2, delay = 200, jitter = 100)
  @RetryWhen(exception = IsUnavailable.class)
  public Map<UUID, ArticleContent> contents(List<UUID> ids) {
    Map<UUID, ArticleContent> contents = new HashMap<>();
    for (int from = 0; from < ids.size(); from += TEXTS_PER_CALL) {
      List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + TEXTS_PER_CALL));
      try {
        articles
            .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
            .batchGetArticles(
                BatchGetArticlesRequest.newBuilder()
                    .addAllIds(batch.stream().map(UUID::toString).toList())
                    .setView(ArticleView.ARTICLE_VIEW_FULL)
                    .build())
            .getArticlesList()
            .forEach(
                a ->
                    contents.put(
                        UUID.fromString(a.getId()),
                        new ArticleContent(a.getTitle(), a.getText(), a.getLanguage())));
      } catch (StatusRuntimeException e) {
        throw unavailable(e);
      }
    }
    return contents;
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

  /**
   * The headers of the articles that exist, by id, in one call.
   *
   * @param ids at most {@value #HEADERS_PER_CALL}
   */
  @Retry(maxRetries = 2, delay = 200, jitter = 100)
  @RetryWhen(exception = IsUnavailable.class)
  public Map<UUID, ArticleHeader> headers(List<UUID> ids) {
    BatchGetArticlesResponse response;
    try {
      response =
          articles
              .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
              .batchGetArticles(
                  BatchGetArticlesRequest.newBuilder()
                      .addAllIds(ids.stream().map(UUID::toString).toList())
                      .setView(ArticleView.ARTICLE_VIEW_BASIC)
                      .build());
    } catch (StatusRuntimeException e) {
      throw unavailable(e);
    }
    Map<UUID, ArticleHeader> headers = new HashMap<>();
    for (var article : response.getArticlesList()) {
      UUID id = UUID.fromString(article.getId());
      headers.put(
          id,
          new ArticleHeader(
              id,
              article.getTitle(),
              article.getCanonicalUrl(),
              article.getSourceName(),
              article.getLanguage(),
              article.getContentSha256()));
    }
    return headers;
  }

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
