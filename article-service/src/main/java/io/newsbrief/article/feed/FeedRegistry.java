package io.newsbrief.article.feed;

import io.newsbrief.article.config.ArticleLimits;
import io.newsbrief.article.fetch.FetchException;
import io.newsbrief.article.fetch.Fetcher;
import io.newsbrief.article.repository.Feed;
import io.newsbrief.article.repository.FeedRepository;
import io.newsbrief.article.repository.FeedRepository.ListPosition;
import io.newsbrief.article.service.ArticleText;
import io.newsbrief.article.service.UrlCanonicalizer;
import io.newsbrief.commons.error.ConflictException;
import io.newsbrief.commons.error.FieldViolation;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.error.NotFoundException;
import io.newsbrief.commons.paging.KeysetPaging;
import io.newsbrief.commons.paging.KeysetPaging.SortOrder;
import io.newsbrief.commons.paging.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The use cases of feeds: register, read, pause, resume, refresh, remove. */
@ApplicationScoped
public class FeedRegistry {

  static final int MAX_URL_LENGTH = 2048;
  static final int MAX_NAME_LENGTH = 200;

  private static final SortOrder<ListPosition, Feed> OLDEST_FIRST =
      new SortOrder<>(
          2,
          keys -> new ListPosition(keys.instant(0), keys.uuid(1)),
          feed -> List.of(feed.createdAt.toString(), feed.id.toString()));

  private final FeedRepository feeds;
  private final Fetcher fetcher;
  private final FeedConfig config;
  private final KeysetPaging paging;
  private final Event<FeedsDue> due;

  FeedRegistry(
      FeedRepository feeds,
      Fetcher fetcher,
      FeedConfig config,
      ArticleLimits limits,
      Event<FeedsDue> due) {
    this.feeds = feeds;
    this.fetcher = fetcher;
    this.config = config;
    this.paging = new KeysetPaging(limits.defaultPageSize(), limits.maxPageSize());
    this.due = due;
  }

  /**
   * Registers a feed, due at once.
   *
   * @param pollInterval null for the default
   * @throws InvalidArgumentException for a bad or refused URL, name or interval
   * @throws ConflictException ALREADY_EXISTS when the canonical URL is registered
   */
  // Not one transaction: the URL's DNS check must not hold a database connection.
  public Feed add(String url, String sourceName, Duration pollInterval) {
    List<FieldViolation> violations = new ArrayList<>();
    String trimmedUrl = url.strip();
    Optional<String> canonicalUrl = Optional.empty();
    if (trimmedUrl.isEmpty()) {
      violations.add(new FieldViolation("url", "is required"));
    } else if (trimmedUrl.length() > MAX_URL_LENGTH) {
      violations.add(
          new FieldViolation("url", "must be at most " + MAX_URL_LENGTH + " characters"));
    } else {
      canonicalUrl = UrlCanonicalizer.canonicalize(trimmedUrl);
      if (trimmedUrl.contains("@") && hasUserInfo(trimmedUrl)) {
        violations.add(new FieldViolation("url", "must not carry credentials"));
      } else if (canonicalUrl.isEmpty()) {
        violations.add(new FieldViolation("url", "must be an absolute http(s) URL"));
      } else {
        try {
          fetcher.policy().resolve(URI.create(canonicalUrl.get()));
        } catch (FetchException | IllegalArgumentException e) {
          violations.add(new FieldViolation("url", "cannot be fetched: " + e.getMessage()));
        }
      }
    }
    String name = ArticleText.normalizeLine(sourceName);
    if (name.length() > MAX_NAME_LENGTH) {
      violations.add(
          new FieldViolation("source_name", "must be at most " + MAX_NAME_LENGTH + " characters"));
    }
    Duration interval = pollInterval == null ? config.defaultInterval() : pollInterval;
    if (interval.compareTo(config.minInterval()) < 0
        || interval.compareTo(config.maxInterval()) > 0) {
      violations.add(
          new FieldViolation(
              "poll_interval",
              "must be between " + config.minInterval() + " and " + config.maxInterval()));
    }
    if (!violations.isEmpty()) {
      throw new InvalidArgumentException(violations);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Feed feed = new Feed();
    feed.id = UUID.randomUUID();
    feed.url = trimmedUrl;
    feed.canonicalUrl = canonicalUrl.get();
    feed.title = "";
    feed.sourceName = name;
    feed.pollIntervalSeconds = (int) interval.toSeconds();
    feed.createdAt = now;
    feed.nextPollAt = now;
    feed.lastError = "";
    QuarkusTransaction.requiringNew().run(() -> insert(feed));
    return feed;
  }

  private void insert(Feed feed) {
    UUID existing = feeds.insertUnlessRegistered(feed);
    if (existing != null) {
      throw new ConflictException(
          ConflictException.Kind.ALREADY_EXISTS,
          "feed " + existing + " already polls " + feed.canonicalUrl);
    }
    due.fire(new FeedsDue());
  }

  private static boolean hasUserInfo(String url) {
    try {
      return URI.create(url).getRawUserInfo() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Transactional
  public Feed get(UUID id) {
    Feed feed = feeds.findById(id);
    if (feed == null) {
      throw new NotFoundException("feed " + id + " not found");
    }
    return feed;
  }

  @Transactional
  public Page<Feed> list(int pageSize, String pageToken) {
    return paging.page(pageSize, pageToken, "feeds", OLDEST_FIRST, feeds::listPage);
  }

  @Transactional
  public void remove(UUID id) {
    if (!feeds.deleteById(id)) {
      throw new NotFoundException("feed " + id + " not found");
    }
  }

  @Transactional
  public Feed pause(UUID id) {
    Feed feed = get(id);
    feed.paused = true;
    return feed;
  }

  @Transactional
  public Feed resume(UUID id) {
    Feed feed = get(id);
    if (feed.paused) {
      feed.paused = false;
      feed.nextPollAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
      due.fire(new FeedsDue());
    }
    return feed;
  }

  /**
   * @throws ConflictException FAILED_PRECONDITION when the feed is paused
   */
  @Transactional
  public Feed refresh(UUID id) {
    Feed feed = get(id);
    if (feed.paused) {
      throw new ConflictException(
          ConflictException.Kind.FAILED_PRECONDITION, "feed " + id + " is paused; resume it");
    }
    feed.nextPollAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    due.fire(new FeedsDue());
    return feed;
  }
}
