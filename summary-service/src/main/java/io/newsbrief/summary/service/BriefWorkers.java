package io.newsbrief.summary.service;

import io.newsbrief.commons.error.DatabaseFailures;
import io.newsbrief.commons.error.InvalidArgumentException;
import io.newsbrief.commons.error.NotFoundException;
import io.newsbrief.commons.error.UnavailableException;
import io.newsbrief.summary.client.ArticleClient;
import io.newsbrief.summary.config.SummaryConfig;
import io.newsbrief.summary.repository.Brief;
import io.newsbrief.summary.repository.BriefJob;
import io.newsbrief.summary.repository.BriefRepository;
import io.newsbrief.summary.repository.JobQueue;
import io.newsbrief.summary.service.BriefMetrics.FailureKind;
import io.newsbrief.summary.summarizer.ArticleContent;
import io.newsbrief.summary.summarizer.Summarizers;
import io.newsbrief.summary.summarizer.Summary;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The workers of this replica: each claims a batch of due jobs, fetches their articles in one call
 * (a story's members: {@link StoryBriefMaker}), summarizes them and, in one transaction, stores the
 * briefs and marks the jobs DONE, each fenced by its lease. Failures retry with exponential backoff
 * until the last attempt FAILS the job. A job's closing transaction is tried again while the
 * database is unreachable (until the lease ends), so that a short outage neither drops finished
 * work nor leaves the job waiting out its lease.
 */
@ApplicationScoped
public class BriefWorkers {

  private static final Logger LOG = Logger.getLogger(BriefWorkers.class);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
  private static final Duration SETTLE_FIRST_PAUSE = Duration.ofMillis(100);
  private static final Duration SETTLE_LONGEST_PAUSE = Duration.ofSeconds(2);

  private final JobQueue queue;
  private final BriefRepository briefs;
  private final ArticleClient articles;
  private final StoryBriefMaker stories;
  private final Summarizers summarizers;
  private final SummaryConfig.Jobs config;
  private final BriefMetrics metrics;
  private final Semaphore work = new Semaphore(0);
  private final String replicaId = UUID.randomUUID().toString().substring(0, 8);
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  BriefWorkers(
      JobQueue queue,
      BriefRepository briefs,
      ArticleClient articles,
      StoryBriefMaker stories,
      Summarizers summarizers,
      SummaryConfig config,
      BriefMetrics metrics) {
    this.queue = queue;
    this.briefs = briefs;
    this.articles = articles;
    this.stories = stories;
    this.summarizers = summarizers;
    this.config = config.jobs();
    this.metrics = metrics;
  }

  void start(@Observes StartupEvent event) {
    running = true;
    for (int i = 0; i < config.workers(); i++) {
      String owner = replicaId + "-" + i;
      Thread thread = new Thread(() -> work(owner), "brief-worker-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    work.release(threads.size());
    for (int i = 0; i < threads.size(); i++) {
      threads.get(i).join(SHUTDOWN_GRACE.toMillis());
      if (threads.get(i).isAlive()) {
        // Still summarizing: hand its job back now rather than when the lease expires. Should the
        // worker finish after all, its completion is fenced off (the lease is no longer its own).
        releaseJobOf(replicaId + "-" + i);
      }
    }
  }

  private void releaseJobOf(String owner) {
    try {
      int released = QuarkusTransaction.requiringNew().call(() -> queue.release(owner));
      LOG.infof("brief worker %s: handed %d unfinished job back to the queue", owner, released);
    } catch (RuntimeException e) {
      LOG.warnf(
          "brief worker %s: its job waits for its lease to expire (%s)", owner, e.getMessage());
    }
  }

  /** A job was queued here: wake an idle worker instead of waiting for its next poll. */
  void wakeUp() {
    work.release();
  }

  private void work(String owner) {
    boolean mayHoldALease = false;
    while (running) {
      try {
        if (mayHoldALease) {
          // The last attempt failed on the database, perhaps at a claim's commit, which may have
          // committed without saying so: whatever the database says this idle worker holds is
          // orphaned, so hand it back rather than leave it to wait out its lease.
          QuarkusTransaction.requiringNew().call(() -> queue.release(owner));
          mayHoldALease = false;
        }
        List<BriefJob> jobs = QuarkusTransaction.requiringNew().call(() -> claim(owner));
        if (!jobs.isEmpty()) {
          process(jobs, owner);
          continue;
        }
      } catch (RuntimeException e) {
        mayHoldALease = true;
        metrics.failed(FailureKind.DATABASE_ERROR);
        LOG.warnf("brief worker %s: %s", owner, e.getMessage());
      }
      try {
        work.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private List<BriefJob> claim(String owner) {
    List<UUID> ids = queue.claim(owner, config.lease(), config.claimSize());
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, BriefJob> jobs = new HashMap<>();
    queue.list("id in ?1", ids).forEach(job -> jobs.put(job.id, job));
    return ids.stream().map(jobs::get).toList();
  }

  /**
   * A claimed batch: the articles' texts in one call (the stories and their members' texts in one
   * round each), each summarized, and every brief stored with its DONE in one transaction. A job
   * that fails is settled alone and never fails its batch-mates. What is not started within half
   * the lease goes back to the queue (slow LLM calls), so no job outlives its lease waiting for its
   * mates.
   */
  void process(List<BriefJob> jobs, String owner) {
    Instant releaseAfter = jobs.get(0).leaseUntil.minus(config.lease().dividedBy(2));
    List<BriefJob> open = new ArrayList<>();
    for (BriefJob job : jobs) {
      if (job.attempts > config.maxAttempts()) {
        metrics.failed(FailureKind.LEASE_EXPIRED);
        settle(
            job,
            () ->
                queue.fail(
                    job.id,
                    owner,
                    "gave up: no worker finished it in " + config.maxAttempts() + " attempts"));
      } else {
        open.add(job);
      }
    }
    List<BriefJob> articleJobs = open.stream().filter(job -> job.storyId == null).toList();
    List<BriefJob> storyJobs = open.stream().filter(job -> job.storyId != null).toList();
    Map<UUID, ArticleContent> texts = new HashMap<>();
    articleJobs = fetchTexts(articleJobs, texts, owner);
    Map<UUID, StoryBriefMaker.Sources> storySources =
        storyJobs.isEmpty() ? Map.of() : stories.read(storyJobs);
    List<Finished> finished = new ArrayList<>();
    List<BriefJob> inOrder = new ArrayList<>(articleJobs);
    inOrder.addAll(storyJobs);
    for (int i = 0; i < inOrder.size(); i++) {
      BriefJob job = inOrder.get(i);
      if (Instant.now().isAfter(releaseAfter)) {
        List<UUID> rest = inOrder.subList(i, inOrder.size()).stream().map(j -> j.id).toList();
        settle(job, () -> queue.release(rest, owner));
        break;
      }
      Made made;
      try {
        made =
            job.storyId != null
                ? stories.make(job, storySources.get(job.id))
                : makeArticleBrief(job, texts.get(job.articleId));
      } catch (RuntimeException e) {
        failed(job, owner, e);
        continue;
      }
      finished.add(new Finished(job, made));
    }
    completeAll(finished, owner);
  }

  private record Finished(BriefJob job, Made made) {}

  /**
   * Puts the jobs' texts into {@code texts}: the text each job was requested with, else fetched.
   *
   * @return the jobs to summarize; those whose fetch failed are settled
   */
  private List<BriefJob> fetchTexts(
      List<BriefJob> jobs, Map<UUID, ArticleContent> texts, String owner) {
    List<BriefJob> ready = new ArrayList<>();
    List<BriefJob> withoutText = new ArrayList<>();
    for (BriefJob job : jobs) {
      if (job.text == null) {
        withoutText.add(job);
      } else {
        texts.put(
            job.articleId, new ArticleContent(job.header.title(), job.text, job.header.language()));
        ready.add(job);
      }
    }
    if (!withoutText.isEmpty()) {
      ready.addAll(fetchEach(withoutText, texts, owner));
    }
    return ready;
  }

  /**
   * Fetches the jobs' texts in one round of calls; should that fail, each alone, so that an article
   * that cannot be fetched does not hold back the others.
   */
  private List<BriefJob> fetchEach(
      List<BriefJob> jobs, Map<UUID, ArticleContent> texts, String owner) {
    try {
      texts.putAll(articles.contents(jobs.stream().map(job -> job.articleId).toList()));
      return jobs;
    } catch (RuntimeException e) {
      if (jobs.size() == 1) {
        failed(jobs.get(0), owner, e);
        return List.of();
      }
      List<BriefJob> fetched = new ArrayList<>();
      for (BriefJob job : jobs) {
        fetched.addAll(fetchEach(List.of(job), texts, owner));
      }
      return fetched;
    }
  }

  /** Settles a job whose brief could not be made: FAILED when retrying cannot help. */
  private void failed(BriefJob job, String owner, RuntimeException failure) {
    String subject = job.storyId == null ? "article" : "story";
    if (failure instanceof NotFoundException) {
      metrics.failed(job.storyId == null ? FailureKind.ARTICLE_MISSING : FailureKind.STORY_MISSING);
      settle(job, () -> queue.fail(job.id, owner, "the " + subject + " no longer exists"));
    } else if (failure instanceof InvalidArgumentException) {
      metrics.failed(FailureKind.SUMMARIZER_ERROR);
      settle(job, () -> queue.fail(job.id, owner, "the " + subject + "'s " + failure.getMessage()));
    } else if (failure instanceof UnavailableException) {
      retry(job, owner, FailureKind.ARTICLE_UNAVAILABLE, failure.getMessage());
    } else {
      retry(job, owner, FailureKind.SUMMARIZER_ERROR, "summarizer: " + failure.getMessage());
    }
  }

  private void retry(BriefJob job, String owner, FailureKind kind, String reason) {
    metrics.failed(kind);
    LOG.warnf("brief job %s attempt %d failed: %s", job.id, job.attempts, reason);
    settle(
        job,
        () ->
            queue.retryOrFail(job.id, owner, config.maxAttempts(), backoff(job.attempts), reason));
  }

  /**
   * Stores the results and their DONE in one transaction. Should that fail for another reason than
   * an unreachable database (one result the database refuses), each is stored alone, so that only
   * the refused one is retried.
   */
  private void completeAll(List<Finished> finished, String owner) {
    if (finished.isEmpty()) {
      return;
    }
    Set<UUID> done;
    try {
      done = settle(finished.get(0).job(), () -> complete(finished, owner));
    } catch (RuntimeException e) {
      if (DatabaseFailures.isUnreachable(e)) {
        throw e;
      }
      if (finished.size() == 1) {
        retry(
            finished.get(0).job(),
            owner,
            FailureKind.DATABASE_ERROR,
            "storing the brief: " + e.getMessage());
      } else {
        finished.forEach(f -> completeAll(List.of(f), owner));
      }
      return;
    }
    for (Finished f : finished) {
      if (!done.contains(f.job().id)) {
        metrics.failed(FailureKind.LEASE_EXPIRED);
        LOG.warnf("brief job %s: lease lost to another worker; its result was dropped", f.job().id);
      } else if (f.made().method() != null) {
        metrics.completed(f.made().method(), f.made().fellBack(), f.job().createdAt);
      }
    }
  }

  /**
   * What a worker made of a job, stored in the transaction that marks it DONE.
   *
   * @param method how it was made; null when the job ends without a brief
   * @param store writes the result, given its generation time
   */
  record Made(String method, boolean fellBack, Consumer<Instant> store) {}

  /**
   * @param content null when the article is gone
   */
  private Made makeArticleBrief(BriefJob job, ArticleContent content) {
    if (content == null) {
      throw new NotFoundException("article " + job.articleId + " not found");
    }
    Summary summary = summarizers.summarize(job.method, content);
    return new Made(
        summary.method(),
        summary.fallbackReason() != null,
        generatedAt -> {
          Brief brief = new Brief();
          brief.jobId = job.id;
          brief.articleId = job.articleId;
          brief.header = job.header;
          brief.lead = summary.lead();
          brief.sections = summary.sections();
          brief.method = summary.method();
          brief.fallbackReason = summary.fallbackReason();
          brief.faithfulness = summary.faithfulness().floatValue();
          brief.generatedAt = generatedAt;
          briefs.persist(brief);
        });
  }

  /**
   * Runs one of a job's closing transactions, again after a pause while the database is unreachable
   * and the job's lease lasts.
   */
  private void settle(BriefJob job, Runnable transaction) {
    settle(
        job,
        () -> {
          transaction.run();
          return null;
        });
  }

  private <T> T settle(BriefJob job, Supplier<T> transaction) {
    long pauseMillis = SETTLE_FIRST_PAUSE.toMillis();
    while (true) {
      try {
        return QuarkusTransaction.requiringNew().call(transaction::get);
      } catch (RuntimeException e) {
        boolean leaseLasts = Instant.now().plusMillis(pauseMillis).isBefore(job.leaseUntil);
        if (!running || !leaseLasts || !DatabaseFailures.isUnreachable(e)) {
          throw e;
        }
        LOG.debugf("brief job %s: database unreachable, settling again shortly", job.id);
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pauseMillis = Math.min(pauseMillis * 2, SETTLE_LONGEST_PAUSE.toMillis());
      }
    }
  }

  /**
   * Marks the jobs DONE in one statement and stores the results of those still ours (inserted in
   * one batch at commit), in the caller's transaction.
   *
   * @return the jobs marked DONE
   */
  private Set<UUID> complete(List<Finished> finished, String owner) {
    Set<UUID> done = queue.markDone(finished.stream().map(f -> f.job().id).toList(), owner);
    Instant generatedAt = JobQueue.now();
    finished.stream()
        .filter(f -> done.contains(f.job().id))
        .forEach(f -> f.made().store().accept(generatedAt));
    return done;
  }

  /** initial × 2^(attempt-1), capped, with up to 20% jitter so retries of many jobs spread out. */
  Duration backoff(int attempt) {
    long initial = config.backoffInitial().toMillis();
    long capped = Math.min(config.backoffMax().toMillis(), initial << Math.min(attempt - 1, 20));
    long jitter = (long) (capped * 0.2 * Math.random());
    return Duration.ofMillis(capped + jitter);
  }
}
