package io.newsbrief.summary.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The queue's guarantees, driven directly (this profile runs no background workers): concurrent
 * claimers never share a job, an expired lease passes the job on, and a worker that lost its lease
 * can no longer change the job.
 */
@QuarkusTest
@TestProfile(JobQueueTest.NoWorkers.class)
@WithTestResource(EmbeddedPostgresResource.class)
class JobQueueTest {

  public static class NoWorkers implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("newsbrief.summary.jobs.workers", "0", "newsbrief.summary.jobs.lease", "2S");
    }
  }

  private static final Duration LEASE = Duration.ofSeconds(2);

  @Inject JobQueue queue;

  private static BriefJob newJob(UUID articleId, String contentSha256) {
    BriefJob job = new BriefJob();
    job.id = UUID.randomUUID();
    job.articleId = articleId;
    job.method = "extractive";
    job.contentSha256 = contentSha256;
    job.header = new BriefHeader("t", "https://example.com/a", "s", "en");
    job.createdAt = JobQueue.now();
    return job;
  }

  private UUID enqueue() {
    BriefJob job = newJob(UUID.randomUUID(), "hash");
    return QuarkusTransaction.requiringNew()
        .call(() -> queue.enqueueAllIfAbsent(List.of(job)).get(0).job().id);
  }

  private Optional<UUID> claim(String owner) {
    return claim(owner, 1).stream().findFirst();
  }

  private List<UUID> claim(String owner, int limit) {
    return QuarkusTransaction.requiringNew().call(() -> queue.claim(owner, LEASE, limit));
  }

  private void drain() {
    while (claim("drainer")
        .map(id -> QuarkusTransaction.requiringNew().call(() -> markDone(id, "drainer")))
        .isPresent()) {
      // leave no due job behind for the next test
    }
  }

  @Test
  void enqueueIsIdempotentPerArticleMethodAndContent() {
    UUID articleId = UUID.randomUUID();
    var first =
        QuarkusTransaction.requiringNew()
            .call(() -> queue.enqueueAllIfAbsent(List.of(newJob(articleId, "abc"))).get(0));
    var second =
        QuarkusTransaction.requiringNew()
            .call(() -> queue.enqueueAllIfAbsent(List.of(newJob(articleId, "abc"))).get(0));
    var changed =
        QuarkusTransaction.requiringNew()
            .call(() -> queue.enqueueAllIfAbsent(List.of(newJob(articleId, "changed"))).get(0));

    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.job().id).isEqualTo(first.job().id);
    assertThat(changed.created()).isTrue();
    drain();
  }

  @Test
  void aBatchIsEnqueuedInOneGoAndIdempotentPerArticle() {
    List<BriefJob> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batch.add(newJob(UUID.randomUUID(), "h" + i));
    }
    List<JobQueue.Enqueued> first =
        QuarkusTransaction.requiringNew().call(() -> queue.enqueueAllIfAbsent(batch));
    List<BriefJob> again = new ArrayList<>();
    for (BriefJob job : batch) {
      again.add(newJob(job.articleId, job.contentSha256));
    }
    again.add(newJob(UUID.randomUUID(), "new"));
    List<JobQueue.Enqueued> second =
        QuarkusTransaction.requiringNew().call(() -> queue.enqueueAllIfAbsent(again));

    assertThat(first).allMatch(JobQueue.Enqueued::created);
    assertThat(first).extracting(e -> e.job().id).containsExactlyElementsOf(ids(batch));
    assertThat(second.subList(0, 5)).noneMatch(JobQueue.Enqueued::created);
    assertThat(second.subList(0, 5))
        .extracting(e -> e.job().id)
        .as("a repeat answers with the stored jobs")
        .containsExactlyElementsOf(ids(batch));
    assertThat(second.get(5).created()).isTrue();
    drain();
  }

  private static List<UUID> ids(List<BriefJob> jobs) {
    return jobs.stream().map(job -> job.id).toList();
  }

  @Test
  void partOfABatchCanBeHandedBack() {
    drain();
    List<UUID> jobs = List.of(enqueue(), enqueue(), enqueue());
    assertThat(claim("slow", 3)).containsExactlyInAnyOrderElementsOf(jobs);

    QuarkusTransaction.requiringNew().run(() -> queue.release(jobs.subList(1, 3), "slow"));

    assertThat(claim("other", 3)).containsExactlyInAnyOrderElementsOf(jobs.subList(1, 3));
    assertThat(QuarkusTransaction.requiringNew().call(() -> markDone(jobs.get(0), "slow")))
        .isTrue();
    for (UUID job : jobs.subList(1, 3)) {
      assertThat(QuarkusTransaction.requiringNew().call(() -> markDone(job, "other"))).isTrue();
    }
  }

  @Test
  void aBatchIsMarkedDoneOnlyWhereItsLeaseHolds() {
    drain();
    List<UUID> jobs = List.of(enqueue(), enqueue(), enqueue());
    assertThat(claim("batcher", 3)).containsExactlyInAnyOrderElementsOf(jobs);
    QuarkusTransaction.requiringNew().run(() -> queue.release(jobs.subList(2, 3), "batcher"));
    assertThat(claim("thief", 1)).containsExactly(jobs.get(2));

    assertThat(QuarkusTransaction.requiringNew().call(() -> queue.markDone(jobs, "batcher")))
        .as("one statement; the job another worker holds is left to it")
        .containsExactlyInAnyOrderElementsOf(jobs.subList(0, 2));
    assertThat(QuarkusTransaction.requiringNew().call(() -> markDone(jobs.get(2), "thief")))
        .isTrue();
  }

  @Test
  void concurrentClaimersNeverShareAJob() throws Exception {
    claimConcurrently(8, 1);
  }

  @Test
  void batchClaimsNeverShareAJobAndTakeAtMostTheirLimit() throws Exception {
    claimConcurrently(4, 7);
  }

  /** 200 jobs claimed by {@code claimers} at once, up to {@code limit} a claim: each once. */
  private void claimConcurrently(int claimers, int limit) throws Exception {
    drain();
    Set<UUID> queued = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 200; i++) {
      queued.add(enqueue());
    }
    ExecutorService pool = Executors.newFixedThreadPool(claimers);
    List<Future<List<UUID>>> results = new ArrayList<>();
    try {
      for (int c = 0; c < claimers; c++) {
        String owner = "claimer-" + c;
        results.add(
            pool.submit(
                () -> {
                  List<UUID> mine = new ArrayList<>();
                  for (List<UUID> batch = claim(owner, limit);
                      !batch.isEmpty();
                      batch = claim(owner, limit)) {
                    assertThat(batch).hasSizeLessThanOrEqualTo(limit);
                    mine.addAll(batch);
                    for (UUID id : batch) {
                      assertThat(QuarkusTransaction.requiringNew().call(() -> markDone(id, owner)))
                          .isTrue();
                    }
                  }
                  return mine;
                }));
      }
      List<UUID> claimed = new ArrayList<>();
      for (Future<List<UUID>> result : results) {
        claimed.addAll(result.get(60, TimeUnit.SECONDS));
      }
      assertThat(claimed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(queued);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anExpiredLeasePassesTheJobOnAndFencesTheOldOwner() {
    drain();
    UUID job = enqueue();
    assertThat(claim("crashed")).contains(job);
    assertThat(claim("other")).as("leased jobs are not claimable").isEmpty();

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> claim("other").isPresent());

    BriefJob stolen = QuarkusTransaction.requiringNew().call(() -> queue.findById(job));
    assertThat(stolen.leaseOwner).isEqualTo("other");
    assertThat(stolen.attempts).isEqualTo(2);
    assertThat(QuarkusTransaction.requiringNew().call(() -> markDone(job, "crashed"))).isFalse();
    QuarkusTransaction.requiringNew().run(() -> queue.fail(job, "crashed", "late"));
    assertThat(QuarkusTransaction.requiringNew().call(() -> queue.findById(job)).state)
        .isEqualTo(JobState.RUNNING);
    assertThat(QuarkusTransaction.requiringNew().call(() -> markDone(job, "other"))).isTrue();
  }

  @Test
  void aReleasedJobIsClaimableAtOnceWithoutLosingAnAttempt() {
    drain();
    UUID job = enqueue();
    assertThat(claim("stopping")).contains(job);

    assertThat(QuarkusTransaction.requiringNew().call(() -> queue.release("stopping"))).isOne();
    assertThat(claim("other")).as("due at once, no lease to wait out").contains(job);
    BriefJob taken = QuarkusTransaction.requiringNew().call(() -> queue.findById(job));
    assertThat(taken.attempts).isEqualTo(1);
    assertThat(QuarkusTransaction.requiringNew().call(() -> markDone(job, "stopping")))
        .as("the releasing worker is fenced off")
        .isFalse();
    assertThat(QuarkusTransaction.requiringNew().call(() -> queue.release("stopping"))).isZero();
    assertThat(QuarkusTransaction.requiringNew().call(() -> markDone(job, "other"))).isTrue();
  }

  @Test
  void failedAttemptsBackOffAndTheLastOneFails() {
    drain();
    UUID job = enqueue();
    for (int attempt = 1; attempt <= 3; attempt++) {
      String owner = "w" + attempt;
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> claim(owner).isPresent());
      QuarkusTransaction.requiringNew()
          .run(() -> queue.retryOrFail(job, owner, 3, Duration.ofSeconds(1), "boom"));
      BriefJob after = QuarkusTransaction.requiringNew().call(() -> queue.findById(job));
      assertThat(after.failureReason).isEqualTo("boom");
      assertThat(after.state).isEqualTo(attempt < 3 ? JobState.PENDING : JobState.FAILED);
      if (attempt < 3) {
        assertThat(claim("too-early")).as("not due before the backoff").isEmpty();
      }
    }
  }

  /** Whether the job was marked DONE for {@code owner}, as a worker completes a batch of one. */
  private boolean markDone(UUID job, String owner) {
    return queue.markDone(List.of(job), owner).contains(job);
  }
}
