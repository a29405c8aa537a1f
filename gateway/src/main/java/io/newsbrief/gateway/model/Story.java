package io.newsbrief.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * One event as every outlet's report of it tells it: the headline (the most central report's
 * title), when its reports were first and last published, when it last changed, how many articles
 * and distinct sources it has, and (one story only, not in lists) its members, earliest first, and
 * its brief when it has two reports or more.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Story(
    String id,
    String headline,
    String language,
    Instant firstPublishedAt,
    Instant lastPublishedAt,
    Instant updatedAt,
    int articleCount,
    int sourceCount,
    List<Member> members,
    StoryBrief brief) {

  /** This story with its brief (one story only, not in lists). */
  public Story withBrief(StoryBrief brief) {
    return new Story(
        id,
        headline,
        language,
        firstPublishedAt,
        lastPublishedAt,
        updatedAt,
        articleCount,
        sourceCount,
        members,
        brief);
  }

  /** A report of the story; its brief is at {@code /api/v1/articles/{articleId}/brief}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @RegisterForReflection
  public record Member(
      String articleId, String sourceName, String title, String url, Instant publishedAt) {}
}
