package io.newsbrief.article.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsbrief.article.config.ArticleLimits;
import io.newsbrief.article.repository.Article;
import io.newsbrief.article.repository.ArticleRepository;
import io.newsbrief.article.repository.ArticleRepository.ArticleFilter;
import io.newsbrief.article.repository.ArticleRepository.Insertion;
import io.newsbrief.article.repository.ArticleRepository.ListPosition;
import io.newsbrief.article.repository.ArticleRepository.SearchMatch;
import io.newsbrief.article.repository.ArticleRepository.SearchPosition;
import io.newsbrief.article.repository.NewArticle;
import io.newsbrief.article.service.ArticleEvents.ArticlesStored;
import io.newsbrief.article.story.StoryGrouper;
import io.newsbrief.article.story.StoryGrouper.StoryBatch;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.error.NotFoundException;
import io.newsbrief.commons.paging.KeysetPaging;
import io.newsbrief.commons.paging.KeysetPaging.SortOrder;
import io.newsbrief.commons.paging.Page;
import io.newsbrief.commons.paging.PageTokens;
import io.newsbrief.commons.text.PlainText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The use cases of article-service. Every way an article enters goes through {@link #create} or
 * {@link #importBatch}, so validation, deduplication and events are the same for all of them.
 */
@ApplicationScoped
public class ArticleCatalog {

  static final int MAX_BATCH_GET = 100;
  static final int MAX_QUERY_LENGTH = 500;

  private static final SortOrder<ListPosition, Article> NEWEST_FIRST =
      new SortOrder<>(
          2,
          keys -> new ListPosition(keys.instant(0), keys.uuid(1)),
          article -> List.of(article.publishedAt.toString(), article.id.toString()));

  private static final SortOrder<SearchPosition, SearchMatch> BEST_MATCH_FIRST =
      new SortOrder<>(
          2,
          keys -> new SearchPosition(keys.exactFloat(0), keys.uuid(1)),
          match -> List.of(PageTokens.floatKey(match.score()), match.articleId().toString()));

  private final ArticleRepository repository;
  private final ArticleValidator validator;
  private final StoryGrouper stories;
  private final KeysetPaging paging;
  private final Event<ArticlesStored> storedEvents;
  private final MeterRegistry meters;

  ArticleCatalog(
      ArticleRepository repository,
      ArticleValidator validator,
      StoryGrouper stories,
      ArticleLimits limits,
      Event<ArticlesStored> storedEvents,
      MeterRegistry meters) {
    this.repository = repository;
    this.validator = validator;
    this.stories = stories;
    this.paging = new KeysetPaging(limits.defaultPageSize(), limits.maxPageSize());
    this.storedEvents = storedEvents;
    this.meters = meters;
  }

  /** A stored article, and whether this call stored it. */
  public record StoredArticle(Article article, boolean created) {}

  /** What became of one item of an import. */
  public record ImportOutcome(Kind kind, UUID articleId, String reason) {
    public enum Kind {
      CREATED,
      DUPLICATE,
      REJECTED
    }
  }

  public record SearchHit(Article article, float score, String snippet) {}

  public record BatchResult(List<Article> articles, List<UUID> missingIds) {}

  /**
   * Stores an article unless one with the same canonical URL exists.
   *
   * @throws InvalidArgumentException when the submission is invalid; nothing is written
   */
  @Transactional
  public StoredArticle create(ArticleSubmission submission) {
    NewArticle article = validate(submission, Instant.now());
    StoryBatch batch = stories.group(List.of(article));
    article = batch.articles().get(0);
    Insertion insertion = repository.insertNew(batch.articles());
    stories.index(batch, insertion.insertedIds());
    if (insertion.insertedIds().contains(article.id())) {
      Article stored = article.toArticle();
      storedEvents.fire(new ArticlesStored(List.of(stored)));
      count(ImportOutcome.Kind.CREATED, 1);
      return new StoredArticle(stored, true);
    }
    count(ImportOutcome.Kind.DUPLICATE, 1);
    UUID existingId = insertion.idsByCanonicalUrl().get(article.canonicalUrl());
    return new StoredArticle(repository.findById(existingId), false);
  }

  /**
   * Stores a batch in one round trip. Invalid items are rejected one by one with their reason; the
   * valid ones are stored (or found to be duplicates) together, their stories assigned right after
   * the commit ({@link StoryGrouper#deferred}).
   *
   * @return one outcome per submission, in order
   */
  @Transactional
  public List<ImportOutcome> importBatch(List<ArticleSubmission> submissions) {
    Instant now = Instant.now();
    List<ImportOutcome> outcomes = new ArrayList<>(Collections.nCopies(submissions.size(), null));
    List<Integer> validIndexes = new ArrayList<>();
    List<NewArticle> valid = new ArrayList<>();
    for (int i = 0; i < submissions.size(); i++) {
      try {
        valid.add(validate(submissions.get(i), now));
        validIndexes.add(i);
      } catch (InvalidArgumentException e) {
        outcomes.set(i, new ImportOutcome(ImportOutcome.Kind.REJECTED, null, e.getMessage()));
      }
    }
    List<ImportOutcome> stored = importValidated(valid);
    for (int i = 0; i < validIndexes.size(); i++) {
      outcomes.set(validIndexes.get(i), stored.get(i));
    }
    return outcomes;
  }

  /**
   * A submission checked and normalised for {@link #importValidated}, for callers that look at the
   * normalised article first (a feed drops texts it already stored); a rejection is counted.
   *
   * @throws InvalidArgumentException listing every bad field
   */
  public NewArticle validate(ArticleSubmission submission, Instant now) {
    try {
      return validator.validate(submission, now);
    } catch (InvalidArgumentException e) {
      count(ImportOutcome.Kind.REJECTED, 1);
      throw e;
    }
  }

  /**
   * Stores validated articles in one round trip, as {@link #importBatch} does.
   *
   * @return one outcome per article, in order: created or duplicate
   */
  @Transactional
  public List<ImportOutcome> importValidated(List<NewArticle> articles) {
    StoryBatch batch = stories.deferred(articles);
    Insertion insertion = repository.insertNew(batch.articles());
    stories.index(batch, insertion.insertedIds());
    List<Article> stored = new ArrayList<>(insertion.insertedIds().size());
    List<ImportOutcome> outcomes = new ArrayList<>(articles.size());
    for (NewArticle article : batch.articles()) {
      if (insertion.insertedIds().contains(article.id())) {
        stored.add(article.toArticle());
        outcomes.add(new ImportOutcome(ImportOutcome.Kind.CREATED, article.id(), ""));
      } else {
        UUID existingId = insertion.idsByCanonicalUrl().get(article.canonicalUrl());
        outcomes.add(new ImportOutcome(ImportOutcome.Kind.DUPLICATE, existingId, ""));
      }
    }
    if (!stored.isEmpty()) {
      storedEvents.fire(new ArticlesStored(stored));
    }
    outcomes.stream()
        .collect(Collectors.groupingBy(ImportOutcome::kind, Collectors.counting()))
        .forEach(this::count);
    return outcomes;
  }

  @Transactional
  public Article get(UUID id) {
    Article article = repository.findById(id);
    if (article == null) {
      throw new NotFoundException("article " + id + " not found");
    }
    return article;
  }

  @Transactional
  public BatchResult batchGet(List<UUID> ids) {
    if (ids.isEmpty() || ids.size() > MAX_BATCH_GET) {
      throw new InvalidArgumentException("ids", "must hold 1 to " + MAX_BATCH_GET + " ids");
    }
    List<Article> articles = repository.findInOrder(ids);
    Map<UUID, Article> found = byId(articles);
    List<UUID> missing = ids.stream().filter(id -> !found.containsKey(id)).distinct().toList();
    return new BatchResult(articles, missing);
  }

  @Transactional
  public Page<Article> list(ArticleFilter filter, int pageSize, String pageToken) {
    checkPlain(filter);
    if (filter.publishedAfter() != null
        && filter.publishedBefore() != null
        && !filter.publishedAfter().isBefore(filter.publishedBefore())) {
      throw new InvalidArgumentException("published_before", "must be after published_after");
    }
    return paging.page(
        pageSize,
        pageToken,
        "list|" + filter,
        NEWEST_FIRST,
        (after, limit) -> repository.listPage(filter, after, limit));
  }

  @Transactional
  public Page<SearchHit> search(
      String query, ArticleFilter filter, int pageSize, String pageToken) {
    String trimmed = PlainText.checked("query", query).strip();
    checkPlain(filter);
    if (trimmed.isEmpty()) {
      throw new InvalidArgumentException("query", "is required");
    }
    if (trimmed.length() > MAX_QUERY_LENGTH) {
      throw new InvalidArgumentException(
          "query", "must be at most " + MAX_QUERY_LENGTH + " characters");
    }
    Page<SearchMatch> matches =
        paging.page(
            pageSize,
            pageToken,
            "search|" + trimmed + "|" + filter,
            BEST_MATCH_FIRST,
            (after, limit) -> repository.searchPage(trimmed, filter, after, limit));
    Map<UUID, Article> articles =
        byId(repository.findInOrder(matches.items().stream().map(SearchMatch::articleId).toList()));
    List<SearchHit> hits =
        matches.items().stream()
            .filter(match -> articles.containsKey(match.articleId()))
            .map(
                match ->
                    new SearchHit(articles.get(match.articleId()), match.score(), match.snippet()))
            .toList();
    return new Page<>(hits, matches.nextPageToken());
  }

  private static void checkPlain(ArticleFilter filter) {
    PlainText.checked("source_name", filter.sourceName());
    PlainText.checked("language", filter.language());
  }

  private static Map<UUID, Article> byId(Collection<Article> articles) {
    return articles.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
  }

  private void count(ImportOutcome.Kind outcome, long amount) {
    meters
        .counter("newsbrief.articles.submitted", "outcome", outcome.name().toLowerCase())
        .increment(amount);
  }
}
