package io.newsbrief.article.story;

import io.newsbrief.article.config.ArticleLimits;
import io.newsbrief.article.repository.Story;
import io.newsbrief.article.repository.StoryMember;
import io.newsbrief.article.repository.StoryRepository;
import io.newsbrief.article.repository.StoryRepository.StoryFilter;
import io.newsbrief.article.repository.StoryRepository.StoryPosition;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.error.NotFoundException;
import io.newsbrief.commons.paging.KeysetPaging;
import io.newsbrief.commons.paging.KeysetPaging.SortOrder;
import io.newsbrief.commons.paging.Page;
import io.newsbrief.commons.text.PlainText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Reading stories: pages of them, most recently updated first, and one story with its members. */
@ApplicationScoped
public class StoryCatalog {

  /** A story lists at most this many members (the earliest); its counts cover all of them. */
  public static final int MAX_MEMBERS = 100;

  static final int MAX_QUERY_LENGTH = 500;

  private static final SortOrder<StoryPosition, Story> RECENTLY_UPDATED_FIRST =
      new SortOrder<>(
          2,
          keys -> new StoryPosition(keys.instant(0), keys.uuid(1)),
          story -> List.of(story.updatedAt().toString(), story.id().toString()));

  /** A story with its members. */
  public record StoryDetail(Story story, List<StoryMember> members) {}

  private final StoryRepository stories;
  private final KeysetPaging paging;

  StoryCatalog(StoryRepository stories, ArticleLimits limits) {
    this.stories = stories;
    this.paging = new KeysetPaging(limits.defaultPageSize(), limits.maxPageSize());
  }

  @Transactional
  public Page<Story> list(StoryFilter filter, int pageSize, String pageToken) {
    String query = PlainText.checked("query", filter.query()).strip();
    PlainText.checked("language", filter.language());
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new InvalidArgumentException(
          "query", "must be at most " + MAX_QUERY_LENGTH + " characters");
    }
    StoryFilter checked = new StoryFilter(filter.language(), query, filter.updatedSince());
    return paging.page(
        pageSize,
        pageToken,
        "stories|" + checked,
        RECENTLY_UPDATED_FIRST,
        (after, limit) -> stories.listPage(checked, after, limit));
  }

  /**
   * The story {@code id}, or the one it was merged into (the answer's id says which).
   *
   * @throws NotFoundException when there is no such story and never was
   */
  @Transactional
  public StoryDetail get(UUID id) {
    Story story =
        stories.find(id).orElseThrow(() -> new NotFoundException("story " + id + " not found"));
    return new StoryDetail(story, stories.members(story.id(), MAX_MEMBERS));
  }
}
