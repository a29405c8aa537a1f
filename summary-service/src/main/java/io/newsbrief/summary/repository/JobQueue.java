package io.newsbrief.summary.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable job queue in PostgreSQL. Workers claim with {@code FOR UPDATE SKIP LOCKED}, so any
 * number of replicas share it; a claim is a lease, and every later change of the job is fenced by
 * the lease owner, so a worker that lost its lease (it was too slow, or presumed dead) changes
 * nothing. Callers hold the transaction ({@code @Transactional} in the service layer).
 */
@ApplicationScoped
public class JobQueue implements PanacheRepositoryBase<BriefJob, UUID> {

  /**
   * Stores {@code job} unless a job with its (article, method, content hash) exists.
   *
   * @return the stored job for that key, and whether it is this one
   */
  public Enqueued enqueueIfAbsent(BriefJob job) {
    int inserted =
        getEntityManager()
            .createNativeQuery(
                "INSERT INTO brief_job (id, article_id, method, content_sha256, state, attempts,"
                    + " run_after, title, source_url, source_name, language, created_at, updated_at)"
                    + " VALUES (?1, ?2, ?3, ?4, 'PENDING', 0, ?5, ?6, ?7, ?8, ?9, ?5, ?5)"
                    + " ON CONFLICT ON CONSTRAINT brief_job_request_key DO NOTHING")
            .setParameter(1, job.id)
            .setParameter(2, job.articleId)
            .setParameter(3, job.method)
            .setParameter(4, job.contentSha256)
            .setParameter(5, job.createdAt)
            .setParameter(6, job.header.title())
            .setParameter(7, job.header.sourceUrl())
            .setParameter(8, job.header.sourceName())
            .setParameter(9, job.header.language())
            .executeUpdate();
    BriefJob stored =
        find(
                "articleId = ?1 and method = ?2 and contentSha256 = ?3",
                job.articleId,
                job.method,
                job.contentSha256)
            .firstResult();
    return new Enqueued(stored, inserted == 1);
  }

  /**
   * Queues a brief of the story unless one waits already: requests are coalesced (the waiting job
   * reads the members when it runs) and debounced (a new job is due no sooner than {@code interval}
   * after the story's last one was). Requests for one story are serialized by an advisory lock, so
   * replicas never queue two at once.
   *
   * @return the waiting job, and whether this request queued it
   */
  public Enqueued enqueueStoryIfNoneWaits(
      UUID jobId, UUID storyId, String method, Duration interval) {
    getEntityManager()
        .createNativeQuery(
            "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
        .setParameter(1, "story-brief:" + storyId)
        .getSingleResult();
    Optional<BriefJob> waiting =
        find("storyId = ?1 and state = ?2", storyId, JobState.PENDING).firstResultOptional();
    if (waiting.isPresent()) {
      return new Enqueued(waiting.get(), false);
    }
    getEntityManager()
        .createNativeQuery(
            "INSERT INTO brief_job (id, story_id, method, state, attempts, run_after, created_at,"
                + " updated_at)"
                + " SELECT ?1, ?2, ?3, 'PENDING', 0, greatest(?4, max(run_after)"
                + "   + make_interval(secs => ?5)), ?4, ?4 FROM brief_job WHERE story_id = ?2")
        .setParameter(1, jobId)
        .setParameter(2, storyId)
        .setParameter(3, method)
        .setParameter(4, now())
        .setParameter(5, interval.toMillis() / 1000.0)
        .executeUpdate();
    return new Enqueued(findById(jobId), true);
  }

  /** The newest job of a story. */
  public Optional<BriefJob> newestForStory(UUID storyId) {
    return find("storyId = ?1 order by createdAt desc, id desc", storyId).firstResultOptional();
  }

  /**
   * Leases the oldest due job to {@code owner}: a pending job whose time has come, or a running job
   * whose lease expired (its worker is presumed dead). Counts the attempt.
   */
  public Optional<UUID> claim(String owner, Duration lease) {
    @SuppressWarnings("unchecked")
    List<UUID> claimed =
        getEntityManager()
            .createNativeQuery(
                "UPDATE brief_job SET state = 'RUNNING', attempts = attempts + 1,"
                    + " lease_owner = ?1, lease_until = clock_timestamp() + make_interval(secs => ?2),"
                    + " updated_at = clock_timestamp()"
                    + " WHERE id = (SELECT id FROM brief_job"
                    + "   WHERE (state = 'PENDING' AND run_after <= clock_timestamp())"
                    + "      OR (state = 'RUNNING' AND lease_until < clock_timestamp())"
                    + "   ORDER BY run_after LIMIT 1 FOR UPDATE SKIP LOCKED)"
                    + " RETURNING id",
                UUID.class)
            .setParameter(1, owner)
            .setParameter(2, lease.toMillis() / 1000.0)
            .getResultList();
    return claimed.stream().findFirst();
  }

  /**
   * Marks the job DONE if {@code owner} still holds it.
   *
   * @return false when the lease was lost; the caller must then roll back
   */
  public boolean markDone(UUID jobId, String owner) {
    return fencedUpdate(
            "state = 'DONE', failure_reason = NULL, lease_owner = NULL, lease_until = NULL",
            jobId,
            owner)
        == 1;
  }

  /** Schedules another attempt after {@code backoff}, or FAILS the job after its last attempt. */
  public void retryOrFail(
      UUID jobId, String owner, int maxAttempts, Duration backoff, String reason) {
    fencedUpdate(
        "state = CASE WHEN attempts >= ?3 THEN 'FAILED' ELSE 'PENDING' END,"
            + " run_after = clock_timestamp() + make_interval(secs => ?4), failure_reason = ?5,"
            + " lease_owner = NULL, lease_until = NULL",
        jobId,
        owner,
        maxAttempts,
        backoff.toMillis() / 1000.0,
        reason);
  }

  /** FAILS the job at once: retrying cannot help (the article is gone, say). */
  public void fail(UUID jobId, String owner, String reason) {
    fencedUpdate(
        "state = 'FAILED', failure_reason = ?3, lease_owner = NULL, lease_until = NULL",
        jobId,
        owner,
        reason);
  }

  /**
   * Hands {@code owner}'s running job back to the queue at once (shutdown): due now, and the
   * attempt not counted, so another replica takes it without waiting for the lease to expire.
   */
  public int release(String owner) {
    return getEntityManager()
        .createNativeQuery(
            "UPDATE brief_job SET state = 'PENDING', attempts = greatest(attempts - 1, 0),"
                + " run_after = clock_timestamp(), lease_owner = NULL, lease_until = NULL,"
                + " updated_at = clock_timestamp()"
                + " WHERE state = 'RUNNING' AND lease_owner = ?1")
        .setParameter(1, owner)
        .executeUpdate();
  }

  /**
   * The one way a job changes after its claim: only while it is RUNNING under {@code owner}'s
   * lease. {@code parameters} bind to ?3, ?4... in {@code assignments}.
   */
  private int fencedUpdate(String assignments, UUID jobId, String owner, Object... parameters) {
    var update =
        getEntityManager()
            .createNativeQuery(
                "UPDATE brief_job SET "
                    + assignments
                    + ", updated_at = clock_timestamp()"
                    + " WHERE id = ?1 AND state = 'RUNNING' AND lease_owner = ?2")
            .setParameter(1, jobId)
            .setParameter(2, owner);
    for (int i = 0; i < parameters.length; i++) {
      update.setParameter(i + 3, parameters[i]);
    }
    return update.executeUpdate();
  }

  /** The newest job of an article, for one requested method or any. */
  public Optional<BriefJob> newestFor(UUID articleId, String method) {
    return method == null
        ? find("articleId = ?1 order by createdAt desc, id desc", articleId).firstResultOptional()
        : find("articleId = ?1 and method = ?2 order by createdAt desc, id desc", articleId, method)
            .firstResultOptional();
  }

  /**
   * Removes every job of the article (their briefs first). A worker still running one finds its
   * lease gone and drops the result.
   *
   * @return how many jobs there were
   */
  public long deleteOf(UUID articleId) {
    return delete("articleId", articleId);
  }

  /** How many jobs wait and run, for the queue-depth gauge. */
  public Map<JobState, Long> openCounts() {
    Map<JobState, Long> counts = new EnumMap<>(JobState.class);
    counts.put(JobState.PENDING, 0L);
    counts.put(JobState.RUNNING, 0L);
    List<Object[]> rows =
        getEntityManager()
            .createQuery(
                "select j.state, count(j) from BriefJob j where j.state in (?1, ?2) group by j.state",
                Object[].class)
            .setParameter(1, JobState.PENDING)
            .setParameter(2, JobState.RUNNING)
            .getResultList();
    rows.forEach(row -> counts.put((JobState) row[0], (Long) row[1]));
    return counts;
  }

  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /** The job stored under a request's key, and whether this request created it. */
  public record Enqueued(BriefJob job, boolean created) {}
}
