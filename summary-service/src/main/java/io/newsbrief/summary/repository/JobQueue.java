package io.newsbrief.summary.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * The durable job queue in PostgreSQL. Workers claim with {@code FOR UPDATE SKIP LOCKED}, so any
 * number of replicas share it; a claim is a lease, and every later change of the job is fenced by
 * the lease owner, so a worker that lost its lease (it was too slow, or presumed dead) changes
 * nothing. Callers hold the transaction ({@code @Transactional} in the service layer).
 */
@ApplicationScoped
public class JobQueue implements PanacheRepositoryBase<BriefJob, UUID> {

  /**
   * Stores each job unless a job with its (article, method, content hash) exists, in one statement.
   *
   * @param jobs one per article, all of one method and creation time
   * @return for each job in order, the stored job for its key and whether it is this one
   */
  public List<Enqueued> enqueueAllIfAbsent(List<BriefJob> jobs) {
    BriefJob first = jobs.get(0);
    Set<UUID> inserted = new HashSet<>();
    getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO brief_job (id, article_id, method, content_sha256, state,"
                          + " attempts, run_after, title, source_url, source_name, language, text,"
                          + " created_at, updated_at)"
                          + " SELECT j.id, j.article_id, ?, j.sha, 'PENDING', 0, ?, j.title, j.url,"
                          + " j.source, j.language, j.text, ?, ?"
                          + " FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],"
                          + " ?::text[], ?::text[], ?::text[]) AS j(id, article_id, sha, title, url,"
                          + " source, language, text)"
                          + " ON CONFLICT ON CONSTRAINT brief_job_request_key DO NOTHING"
                          + " RETURNING id")) {
                Timestamp now = Timestamp.from(first.createdAt);
                insert.setString(1, first.method);
                insert.setTimestamp(2, now);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.setArray(5, uuids(connection, jobs, job -> job.id));
                insert.setArray(6, uuids(connection, jobs, job -> job.articleId));
                insert.setArray(7, texts(connection, jobs, job -> job.contentSha256));
                insert.setArray(8, texts(connection, jobs, job -> job.header.title()));
                insert.setArray(9, texts(connection, jobs, job -> job.header.sourceUrl()));
                insert.setArray(10, texts(connection, jobs, job -> job.header.sourceName()));
                insert.setArray(11, texts(connection, jobs, job -> job.header.language()));
                insert.setArray(12, texts(connection, jobs, job -> job.text));
                try (ResultSet ids = insert.executeQuery()) {
                  while (ids.next()) {
                    inserted.add(ids.getObject(1, UUID.class));
                  }
                }
              }
            });
    // An inserted job is as given, with what the insert set; only a job that was already stored
    // is read back (not every job's text again).
    List<UUID> alreadyStored =
        jobs.stream().filter(job -> !inserted.contains(job.id)).map(job -> job.articleId).toList();
    Map<String, BriefJob> stored = new HashMap<>();
    if (!alreadyStored.isEmpty()) {
      list("articleId in ?1 and method = ?2", alreadyStored, first.method)
          .forEach(job -> stored.put(job.articleId + "|" + job.contentSha256, job));
    }
    return jobs.stream()
        .map(
            job -> {
              if (!inserted.contains(job.id)) {
                return new Enqueued(stored.get(job.articleId + "|" + job.contentSha256), false);
              }
              job.state = JobState.PENDING;
              job.attempts = 0;
              job.runAfter = job.createdAt;
              job.updatedAt = job.createdAt;
              return new Enqueued(job, true);
            })
        .toList();
  }

  private static Array uuids(
      Connection connection, List<BriefJob> jobs, Function<BriefJob, UUID> field)
      throws SQLException {
    return connection.createArrayOf("uuid", jobs.stream().map(field).toArray());
  }

  private static Array texts(
      Connection connection, List<BriefJob> jobs, Function<BriefJob, String> field)
      throws SQLException {
    return connection.createArrayOf("text", jobs.stream().map(field).toArray());
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
   * Leases up to {@code limit} due jobs to {@code owner} in one statement: running jobs whose lease
   * expired (their worker is presumed dead) first, then pending jobs whose time has come, oldest
   * first. Counts the attempt of each.
   */
  public List<UUID> claim(String owner, Duration lease, int limit) {
    @SuppressWarnings("unchecked")
    List<UUID> claimed =
        getEntityManager()
            .createNativeQuery(
                "WITH expired AS (SELECT id FROM brief_job"
                    + "   WHERE state = 'RUNNING' AND lease_until < clock_timestamp()"
                    + "   ORDER BY lease_until LIMIT ?3 FOR UPDATE SKIP LOCKED),"
                    + " due AS (SELECT id FROM brief_job"
                    + "   WHERE state = 'PENDING' AND run_after <= clock_timestamp()"
                    + "   ORDER BY run_after LIMIT ?3 FOR UPDATE SKIP LOCKED)"
                    + " UPDATE brief_job SET state = 'RUNNING', attempts = attempts + 1,"
                    + " lease_owner = ?1, lease_until = clock_timestamp() + make_interval(secs => ?2),"
                    + " updated_at = clock_timestamp()"
                    + " WHERE id IN (SELECT id FROM expired UNION ALL SELECT id FROM due LIMIT ?3)"
                    + " RETURNING id",
                UUID.class)
            .setParameter(1, owner)
            .setParameter(2, lease.toMillis() / 1000.0)
            .setParameter(3, limit)
            .getResultList();
    return claimed;
  }

  /**
   * Marks DONE, in one statement, those of the jobs that {@code owner} still holds.
   *
   * @return the ids marked; a job missing from them was lost to another worker, and its result must
   *     not be stored
   */
  public Set<UUID> markDone(Collection<UUID> jobIds, String owner) {
    return fencedUpdate(
        "state = 'DONE', failure_reason = NULL, lease_owner = NULL, lease_until = NULL, text = NULL",
        jobIds,
        owner);
  }

  /** Schedules another attempt after {@code backoff}, or FAILS the job after its last attempt. */
  public void retryOrFail(
      UUID jobId, String owner, int maxAttempts, Duration backoff, String reason) {
    fencedUpdate(
        "state = CASE WHEN attempts >= ?3 THEN 'FAILED' ELSE 'PENDING' END,"
            + " run_after = clock_timestamp() + make_interval(secs => ?4), failure_reason = ?5,"
            + " lease_owner = NULL, lease_until = NULL,"
            + " text = CASE WHEN attempts >= ?3 THEN NULL ELSE text END",
        List.of(jobId),
        owner,
        maxAttempts,
        backoff.toMillis() / 1000.0,
        reason);
  }

  /** FAILS the job at once: retrying cannot help (the article is gone, say). */
  public void fail(UUID jobId, String owner, String reason) {
    fencedUpdate(
        "state = 'FAILED', failure_reason = ?3, lease_owner = NULL, lease_until = NULL, text = NULL",
        List.of(jobId),
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
   * Hands these of {@code owner}'s jobs back to the queue at once, the attempt not counted: a
   * worker claimed more than it could finish within half its lease.
   */
  public void release(List<UUID> jobIds, String owner) {
    fencedUpdate(
        "state = 'PENDING', attempts = greatest(attempts - 1, 0), run_after = clock_timestamp(),"
            + " lease_owner = NULL, lease_until = NULL",
        jobIds,
        owner);
  }

  /**
   * The one way jobs change after their claim: only those RUNNING under {@code owner}'s lease.
   * {@code parameters} bind to ?3, ?4... in {@code assignments}.
   *
   * @return the ids of the jobs changed
   */
  private Set<UUID> fencedUpdate(
      String assignments, Collection<UUID> jobIds, String owner, Object... parameters) {
    var update =
        getEntityManager()
            .createNativeQuery(
                "UPDATE brief_job SET "
                    + assignments
                    + ", updated_at = clock_timestamp()"
                    + " WHERE id IN (?1) AND state = 'RUNNING' AND lease_owner = ?2 RETURNING id",
                UUID.class)
            .setParameter(1, jobIds)
            .setParameter(2, owner);
    for (int i = 0; i < parameters.length; i++) {
      update.setParameter(i + 3, parameters[i]);
    }
    @SuppressWarnings("unchecked")
    List<UUID> changed = update.getResultList();
    return Set.copyOf(changed);
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
