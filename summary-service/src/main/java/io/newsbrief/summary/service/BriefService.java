package io.newsbrief.summary.service;

import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.error.NotFoundException;
import io.newsbrief.commons.paging.KeysetPaging;
import io.newsbrief.commons.paging.KeysetPaging.SortOrder;
import io.newsbrief.commons.paging.Page;
import io.newsbrief.commons.text.PlainText;
import io.newsbrief.summary.client.ArticleClient;
import io.newsbrief.summary.client.ArticleClient.ArticleHeader;
import io.newsbrief.summary.client.ArticleClient.ArticleToSummarize;
import io.newsbrief.summary.config.SummaryConfig;
import io.newsbrief.summary.repository.Brief;
import io.newsbrief.summary.repository.BriefHeader;
import io.newsbrief.summary.repository.BriefJob;
import io.newsbrief.summary.repository.BriefRepository;
import io.newsbrief.summary.repository.BriefRepository.BriefFilter;
import io.newsbrief.summary.repository.BriefRepository.FeedPosition;
import io.newsbrief.summary.repository.JobQueue;
import io.newsbrief.summary.repository.JobQueue.Enqueued;
import io.newsbrief.summary.repository.JobState;
import io.newsbrief.summary.summarizer.ArticleContent;
import io.newsbrief.summary.summarizer.Summarizers;
import io.newsbrief.summary.summarizer.Summary;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The use cases of summary-service. Network calls (article-service, summarizers) happen outside
 * database transactions; each transaction is short.
 */
@ApplicationScoped
public class BriefService {

  static final int MAX_ARTICLE_FILTER = 100;
  static final Duration WATCH_POLL = Duration.ofMillis(250);

  private static final SortOrder<FeedPosition, Brief> NEWEST_FIRST =
      new SortOrder<>(
          2,
          keys -> new FeedPosition(keys.instant(0), keys.uuid(1)),
          brief -> List.of(brief.generatedAt.toString(), brief.jobId.toString()));

  private final ArticleClient articles;
  private final JobQueue queue;
  private final BriefRepository briefs;
  private final Summarizers summarizers;
  private final SummaryConfig config;
  private final BriefWorkers workers;
  private final JobEvents events;
  private final KeysetPaging paging;

  BriefService(
      ArticleClient articles,
      JobQueue queue,
      BriefRepository briefs,
      Summarizers summarizers,
      SummaryConfig config,
      BriefWorkers workers,
      JobEvents events) {
    this.articles = articles;
    this.queue = queue;
    this.briefs = briefs;
    this.summarizers = summarizers;
    this.config = config;
    this.workers = workers;
    this.events = events;
    this.paging = new KeysetPaging(config.defaultPageSize(), config.maxPageSize());
  }

  public record Requested(BriefView view, boolean created) {}

  /** What a batch request queued, in request order, and the articles article-service lacks. */
  public record BatchRequested(List<Requested> requested, List<UUID> missing) {}

  /**
   * Queues a brief of the article unless one was requested for the same article, method and
   * content; returns at once.
   *
   * @throws NotFoundException when article-service does not know the article
   */
  public Requested request(UUID articleId, String method) {
    BatchRequested batch = requestAll(List.of(articleId), method);
    if (batch.requested().isEmpty()) {
      throw new NotFoundException("article " + articleId + " not found");
    }
    Requested requested = batch.requested().get(0);
    return requested.view().state() == JobState.DONE
        ? new Requested(view(requested.view()), requested.created())
        : requested;
  }

  /**
   * {@link #request} for up to {@value ArticleClient#ARTICLES_PER_REQUEST} articles: their headers
   * and texts in one round of calls and one insert, whatever the count. Each job keeps the text
   * until it ends, so its worker need not fetch it again.
   */
  public BatchRequested requestAll(List<UUID> articleIds, String method) {
    List<UUID> distinct = articleIds.stream().distinct().toList();
    if (distinct.isEmpty() || distinct.size() > ArticleClient.ARTICLES_PER_REQUEST) {
      throw new InvalidArgumentException(
          "article_ids", "must hold 1 to " + ArticleClient.ARTICLES_PER_REQUEST + " ids");
    }
    String resolved = summarizers.resolve(method, config.defaultMethod());
    Map<UUID, ArticleToSummarize> found = articles.toSummarize(distinct);
    Instant now = JobQueue.now();
    List<BriefJob> jobs =
        distinct.stream()
            .filter(found::containsKey)
            .map(id -> newJob(found.get(id), resolved, now))
            .toList();
    List<Enqueued> enqueued =
        jobs.isEmpty()
            ? List.of()
            : QuarkusTransaction.requiringNew().call(() -> queue.enqueueAllIfAbsent(jobs));
    if (enqueued.stream().anyMatch(Enqueued::created)) {
      workers.wakeUp();
    }
    return new BatchRequested(
        enqueued.stream()
            .map(e -> new Requested(BriefView.of(e.job(), null), e.created()))
            .toList(),
        distinct.stream().filter(id -> !found.containsKey(id)).toList());
  }

  private static BriefJob newJob(ArticleToSummarize found, String method, Instant now) {
    ArticleHeader article = found.header();
    BriefJob job = new BriefJob();
    job.id = UUID.randomUUID();
    job.articleId = article.id();
    job.method = method;
    job.contentSha256 = article.contentSha256();
    job.header =
        new BriefHeader(
            article.title(), article.canonicalUrl(), article.sourceName(), article.language());
    job.text = found.text();
    job.createdAt = now;
    return job;
  }

  /** The view with its brief, once DONE. */
  private BriefView view(BriefView done) {
    return QuarkusTransaction.requiringNew().call(() -> view(queue.findById(done.jobId())));
  }

  /**
   * @param method the requested method, or empty for the newest brief of any method
   * @throws NotFoundException when no brief was requested for the article
   */
  public BriefView get(UUID articleId, String method) {
    String filter = method.isBlank() ? null : summarizers.resolve(method, config.defaultMethod());
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                queue
                    .newestFor(articleId, filter)
                    .map(this::view)
                    .orElseThrow(
                        () ->
                            new NotFoundException("no brief requested for article " + articleId)));
  }

  /**
   * Withdraws every brief of the article (a wrong or retracted summary): the feed drops it, syncing
   * apps get a tombstone, and a later request makes a new one.
   *
   * @throws NotFoundException when the article has no brief and no job
   */
  public void withdraw(UUID articleId) {
    long jobs =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  briefs.deleteOf(articleId);
                  return queue.deleteOf(articleId);
                });
    if (jobs == 0) {
      throw new NotFoundException("no brief requested for article " + articleId);
    }
  }

  /** Finished briefs, newest first. */
  public Page<BriefView> list(BriefFilter filter, int pageSize, String pageToken) {
    PlainText.checked("source_name", filter.sourceName());
    PlainText.checked("language", filter.language());
    if (filter.articleIds().size() > MAX_ARTICLE_FILTER) {
      throw new InvalidArgumentException(
          "article_ids", "must hold at most " + MAX_ARTICLE_FILTER + " ids");
    }
    return paging
        .page(
            pageSize,
            pageToken,
            "briefs|" + filter,
            NEWEST_FIRST,
            (after, limit) ->
                QuarkusTransaction.requiringNew().call(() -> briefs.listPage(filter, after, limit)))
        .map(BriefView::of);
  }

  /**
   * The articles whose brief changes from now on, on any replica, after a first {@link
   * BriefChangeSignal#LIVE}. Fails while changes cannot be followed.
   */
  public Multi<BriefChangeSignal> changes() {
    return events.allChanges();
  }

  /**
   * The brief's state now and at every change, ending after DONE or FAILED. Polls the database, so
   * it sees the work of every replica.
   */
  public Multi<BriefView> watch(UUID articleId, String method) {
    BriefView first = get(articleId, method);
    return Multi.createFrom()
        .emitter(
            emitter -> {
              AtomicReference<BriefView> last = new AtomicReference<>(first);
              emitter.emit(first);
              if (first.state().isTerminal()) {
                emitter.complete();
                return;
              }
              Runnable check =
                  () -> {
                    synchronized (last) {
                      if (last.get().state().isTerminal()) {
                        return;
                      }
                      try {
                        BriefView now = get(articleId, method);
                        if (now.state() != last.get().state()
                            || !Objects.equals(now.jobId(), last.get().jobId())) {
                          last.set(now);
                          emitter.emit(now);
                          if (now.state().isTerminal()) {
                            emitter.complete();
                          }
                        }
                      } catch (RuntimeException e) {
                        emitter.fail(e);
                      }
                    }
                  };
              ScheduledExecutorService pool = Infrastructure.getDefaultWorkerPool();
              ScheduledFuture<?> poll =
                  pool.scheduleWithFixedDelay(
                      check, WATCH_POLL.toMillis(), WATCH_POLL.toMillis(), TimeUnit.MILLISECONDS);
              Cancellable local =
                  events.changes(articleId).subscribe().with(changed -> pool.execute(check));
              emitter.onTermination(
                  () -> {
                    poll.cancel(false);
                    local.cancel();
                  });
            });
  }

  /** Summarizes text in hand, storing nothing. */
  public Summary summarize(String title, String text, String language, String method) {
    if (text.isBlank()) {
      throw new InvalidArgumentException("text", "is required");
    }
    String resolved = summarizers.resolve(method, config.defaultMethod());
    return summarizers.summarize(
        resolved,
        new ArticleContent(title.strip(), text, language.isBlank() ? "en" : language.strip()));
  }

  private BriefView view(BriefJob job) {
    return BriefView.of(job, job.state == JobState.DONE ? briefs.findById(job.id) : null);
  }
}
