package io.newsbrief.summary.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsbrief.summary.client.FakeArticles;
import io.newsbrief.summary.repository.BriefJob;
import io.newsbrief.summary.repository.BriefRepository;
import io.newsbrief.summary.repository.JobQueue;
import io.newsbrief.summary.repository.JobState;
import io.newsbrief.testing.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Several workers (four in tests) share many jobs, each done exactly once; a job left behind by a
 * crashed worker is finished by another once its lease has expired.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class BriefWorkersTest {

  @Inject BriefService briefs;
  @Inject FakeArticles articles;
  @Inject JobQueue queue;
  @Inject BriefRepository briefRepository;
  @Inject EntityManager entityManager;

  @Test
  void manyJobsAreEachDoneExactlyOnce() {
    String text =
        "First sentence of a story. Second sentence here. Third one follows.\n\n"
            + "Fourth sentence. Fifth sentence. Sixth sentence.\n\n"
            + "Seventh sentence. Eighth sentence. Ninth and last sentence.";
    List<UUID> jobs = new ArrayList<>();
    List<String> articleIds = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String articleId = articles.add("bulk", "Story " + i, text + " Number " + i + ".").getId();
      articleIds.add(articleId);
      jobs.add(briefs.request(UUID.fromString(articleId), "").view().jobId());
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(
                        () ->
                            queue.count("id in ?1 and state = ?2", jobs, JobState.DONE)
                                == jobs.size()));

    List<BriefJob> done =
        QuarkusTransaction.requiringNew().call(() -> queue.list("id in ?1", jobs));
    assertThat(done).allSatisfy(job -> assertThat(job.attempts).as("claimed once").isEqualTo(1));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> briefRepository.count("jobId in ?1", jobs)))
        .isEqualTo(jobs.size());
    assertThat(articleIds)
        .as("each text fetched when its brief was requested, never by a worker")
        .allSatisfy(id -> assertThat(articles.textFetches(id)).isEqualTo(1));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> queue.count("id in ?1 and text is not null", jobs)))
        .as("a job forgets its text once done")
        .isZero();
  }

  @Inject BriefWorkers workers;

  @Test
  void oneBadArticleNeverFailsItsBatchMates() {
    String text =
        "The council approved the new budget on Monday. Spending on schools rises by a tenth.\n\n"
            + "Opposition members voted against it. The mayor called the vote historic.";
    List<UUID> good = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      good.add(UUID.fromString(articles.add("batch", "Budget " + i, text).getId()));
    }
    UUID gone = UUID.fromString(articles.add("batch", "Gone", text).getId());
    articles.remove(gone.toString());
    UUID unreadable = UUID.fromString(articles.add("batch", "Emoji", "👍 …").getId());
    UUID unreachable = UUID.fromString(articles.add("batch", "Down", text).getId());
    articles.failNextGets(unreachable.toString(), Integer.MAX_VALUE);
    List<UUID> all = new ArrayList<>(good);
    all.addAll(List.of(gone, unreadable, unreachable));
    // Claimed together by one worker, as a batch claim leaves them; queued without their texts
    // (as before texts were kept), so the worker fetches them.
    List<UUID> jobIds = all.stream().map(id -> leasedJob(id, "batch-worker", 60)).toList();
    List<BriefJob> batch =
        QuarkusTransaction.requiringNew().call(() -> queue.list("id in ?1", jobIds));

    workers.process(batch, "batch-worker");

    for (UUID articleId : good) {
      BriefView view = briefs.get(articleId, "");
      assertThat(view.state()).isEqualTo(JobState.DONE);
      assertThat(view.brief().lead).startsWith("The council approved");
    }
    assertThat(briefs.get(gone, "").state()).isEqualTo(JobState.FAILED);
    assertThat(briefs.get(gone, "").reason()).isEqualTo("the article no longer exists");
    assertThat(briefs.get(unreadable, "").state()).isEqualTo(JobState.FAILED);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> briefs.get(unreachable, "").state() == JobState.FAILED);
    assertThat(briefs.get(unreachable, "").reason()).contains("article-service");
    List<BriefJob> done =
        QuarkusTransaction.requiringNew()
            .call(() -> queue.list("id in ?1", jobIds.subList(0, good.size())));
    assertThat(done).allSatisfy(job -> assertThat(job.attempts).isEqualTo(1));
  }

  /** A job of the article RUNNING under {@code owner}'s lease for {@code leaseSeconds}. */
  private UUID leasedJob(UUID articleId, String owner, int leaseSeconds) {
    UUID jobId = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "INSERT INTO brief_job (id, article_id, method, content_sha256, state,"
                            + " attempts, run_after, lease_owner, lease_until, title, source_url,"
                            + " source_name, language, created_at, updated_at) VALUES (?1, ?2,"
                            + " 'extractive', 'h', 'RUNNING', 1, now(), ?3,"
                            + " now() + make_interval(secs => ?4), 'Leased', 'https://x', 'lease',"
                            + " 'en', now(), now())")
                    .setParameter(1, jobId)
                    .setParameter(2, articleId)
                    .setParameter(3, owner)
                    .setParameter(4, leaseSeconds)
                    .executeUpdate());
    return jobId;
  }

  @Test
  void aJobHeldByACrashedWorkerIsFinishedByAnotherAfterItsLease() {
    UUID articleId =
        UUID.fromString(articles.add("crash", "Orphaned", "One. Two. Three. Four.").getId());
    // As a worker leaves it when its pod dies mid-job: RUNNING, leased, the lease about to end.
    UUID jobId = leasedJob(articleId, "crashed-pod-0", 1);

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> briefs.get(articleId, "").state() == JobState.DONE);

    BriefJob job = QuarkusTransaction.requiringNew().call(() -> queue.findById(jobId));
    assertThat(job.attempts).isEqualTo(2);
    assertThat(job.leaseOwner).isNull();
    assertThat(briefs.get(articleId, "").brief().lead).isEqualTo("One. Two. Three.");
  }
}
