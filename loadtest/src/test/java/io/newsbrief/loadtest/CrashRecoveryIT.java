package io.newsbrief.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsbrief.launcher.LocalSuite;
import io.newsbrief.launcher.ServiceSpec;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a service while 500 articles are being submitted through the gateway, then a restart:
 * every article the gateway accepted (2xx) is stored exactly once and gets exactly one DONE brief.
 * The submitters behave like a mobile app: a 503 or a lost connection is retried with the same URL.
 * And a service that stays down: without summary-service writes are still accepted and briefed
 * later; without article-service a write is a prompt 503.
 */
class CrashRecoveryIT extends SuiteUnderTest {

  private static final int ARTICLES = 500;
  private static final int KILL_AFTER_ACCEPTED = 150;
  private static final int SUBMITTERS = 8;
  private static final int DURING_OUTAGE = 50;
  private static final Duration SUBMIT_DEADLINE = Duration.ofSeconds(90);
  private static final Duration BRIEFS_DEADLINE = Duration.ofMinutes(3);

  CrashRecoveryIT() {
    super("crash", 1);
  }

  @Override
  void configure(LocalSuite suite) {
    suite.liftWriteLimits();
    // A killed worker's jobs stay leased until the lease ends (2 min in production): shortened so
    // that the test need not wait that long.
    suite.override(ServiceSpec.SUMMARIES, "NEWSBRIEF_SUMMARY_JOBS_LEASE", "10S");
  }

  @Test
  void killingSummaryServiceLosesNoArticleAndNoBrief() throws Exception {
    crashUnderLoad(ServiceSpec.SUMMARIES, "kill-summary");
  }

  @Test
  void killingArticleServiceLosesNoArticleAndNoBrief() throws Exception {
    crashUnderLoad(ServiceSpec.ARTICLES, "kill-article");
  }

  @Test
  void withSummaryServiceDownWritesAreAcceptedAndBriefedWhenItReturns() throws Exception {
    suite.stop(ServiceSpec.SUMMARIES);
    List<GatewayClient.Accepted> accepted = new ArrayList<>();
    for (int n = 0; n < DURING_OUTAGE; n++) {
      // Accepted at once: nothing waits for summary-service.
      accepted.add(gateway.submitUntilAccepted("summary-down", n, Duration.ZERO));
    }
    assertThat(accepted).doesNotContainNull().allMatch(a -> a.status() == 201);
    Set<String> ids = new HashSet<>();
    accepted.forEach(a -> ids.add(a.id()));
    // Each brief request waits in article-service's outbox and is being retried.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> count("articles", "SELECT count(*) FROM brief_request WHERE attempts > 0"),
            waiting -> waiting >= DURING_OUTAGE);
    int outboxBefore = count("articles", "SELECT count(*) FROM brief_request");
    assertThat(doneBriefs(ids)).isZero();

    Duration restart = suite.restart(ServiceSpec.SUMMARIES);
    await()
        .atMost(BRIEFS_DEADLINE)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> doneBriefs(ids), done -> done == DURING_OUTAGE);
    assertThat(jobsAndBriefs(ids).values()).allSatisfy(c -> assertThat(c).containsExactly(1, 1, 1));
    System.out.printf(
        "RELIABILITY summary-service down: %d of %d writes accepted at the first try, %d brief"
            + " requests waiting (retried) in the outbox; after a restart (%.1f s) %d DONE briefs,"
            + " one each%n",
        accepted.size(), DURING_OUTAGE, outboxBefore, restart.toMillis() / 1000.0, doneBriefs(ids));
  }

  @Test
  void withArticleServiceDownAWriteIsAPromptRetryable503() throws Exception {
    suite.stop(ServiceSpec.ARTICLES);
    try {
      GatewayClient.Answer answer =
          gateway.post("/api/v1/articles", GeneratedArticles.json("article-down", 0));
      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.took()).isLessThan(Duration.ofSeconds(7));
    } finally {
      suite.restart(ServiceSpec.ARTICLES);
    }
    // The client's retry with the same URL is accepted once the service is back.
    assertThat(gateway.submitUntilAccepted("article-down", 0, Duration.ofSeconds(30)).status())
        .isEqualTo(201);
  }

  private void crashUnderLoad(ServiceSpec victim, String run) throws Exception {
    ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
    CountDownLatch killPoint = new CountDownLatch(KILL_AFTER_ACCEPTED);
    List<Future<GatewayClient.Accepted>> submissions = new ArrayList<>();
    for (int n = 0; n < ARTICLES; n++) {
      int article = n;
      submissions.add(
          submitters.submit(
              () -> {
                GatewayClient.Accepted accepted =
                    gateway.submitUntilAccepted(run, article, SUBMIT_DEADLINE);
                killPoint.countDown();
                return accepted;
              }));
    }
    assertThat(killPoint.await(60, TimeUnit.SECONDS))
        .as("%d accepted", KILL_AFTER_ACCEPTED)
        .isTrue();
    int[] inFlight = workInFlight();
    suite.kill(victim);
    Duration restart = suite.restart(victim);

    List<GatewayClient.Accepted> accepted = new ArrayList<>();
    for (Future<GatewayClient.Accepted> submission : submissions) {
      GatewayClient.Accepted one =
          submission.get(SUBMIT_DEADLINE.toSeconds() + 30, TimeUnit.SECONDS);
      if (one != null) {
        accepted.add(one);
      }
    }
    submitters.shutdown();
    long lastAccepted = System.nanoTime();
    // With retries every article is accepted in the end; none is refused for good.
    assertThat(accepted).hasSize(ARTICLES);
    Set<String> ids = new HashSet<>();
    accepted.forEach(a -> ids.add(a.id()));

    await()
        .atMost(BRIEFS_DEADLINE)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> doneBriefs(ids), done -> done == ARTICLES);
    double briefedAfter = (System.nanoTime() - lastAccepted) / 1e9;

    // Stored exactly once each, under the id the gateway answered with.
    Map<String, String> storedUrlById = storedArticles(run);
    assertThat(storedUrlById.keySet()).isEqualTo(ids);
    assertThat(new HashSet<>(storedUrlById.values())).hasSize(ARTICLES);
    // Exactly one job, DONE, and one brief per article.
    Map<String, int[]> jobs = jobsAndBriefs(ids);
    assertThat(jobs).hasSize(ARTICLES);
    jobs.forEach(
        (id, counts) ->
            assertThat(counts).as("jobs, DONE jobs, briefs of %s", id).containsExactly(1, 1, 1));
    // And the gateway serves each of them.
    int served = 0;
    for (String id : ids) {
      if (gateway.get("/api/v1/articles/" + id + "/brief").status() == 200) {
        served++;
      }
    }
    assertThat(served).isEqualTo(ARTICLES);

    long created = accepted.stream().filter(a -> a.status() == 201).count();
    int retried = accepted.stream().mapToInt(a -> a.attempts() - 1).sum();
    System.out.printf(
        "RELIABILITY kill -9 %s after %d of %d accepted (in flight then: %d brief requests in the"
            + " outbox, %d jobs queued or running): restarted in %.1f s; accepted %d"
            + " (201: %d, 200 = found on a retry: %d), retried requests %d; stored once: %d;"
            + " DONE briefs: %d (one job and one brief each), all briefed %.1f s after the last"
            + " acceptance; served by the gateway: %d%n",
        victim.name(),
        KILL_AFTER_ACCEPTED,
        ARTICLES,
        inFlight[0],
        inFlight[1],
        restart.toMillis() / 1000.0,
        accepted.size(),
        created,
        accepted.size() - created,
        retried,
        storedUrlById.size(),
        jobs.size(),
        briefedAfter,
        served);
  }

  /** Brief requests not yet accepted by summary-service, and jobs queued or being worked on. */
  private int[] workInFlight() throws SQLException {
    return new int[] {
      count("articles", "SELECT count(*) FROM brief_request"),
      count("summaries", "SELECT count(*) FROM brief_job WHERE state IN ('PENDING', 'RUNNING')")
    };
  }

  private int count(String database, String sql) throws SQLException {
    try (Connection connection = suite.connect(database);
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }

  private int doneBriefs(Set<String> ids) throws SQLException {
    try (Connection summaries = suite.connect("summaries");
        PreparedStatement query =
            summaries.prepareStatement(
                "SELECT count(*) FROM brief_job WHERE state = 'DONE' AND article_id = ANY (?)")) {
      query.setArray(1, uuids(summaries, ids));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  private Map<String, String> storedArticles(String run) throws SQLException {
    Map<String, String> urlById = new HashMap<>();
    try (Connection articles = suite.connect("articles");
        PreparedStatement query =
            articles.prepareStatement("SELECT id::text, url FROM article WHERE url LIKE ?")) {
      query.setString(1, GeneratedArticles.urlPrefix(run) + "%");
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          assertThat(urlById.put(rows.getString(1), rows.getString(2))).isNull();
        }
      }
    }
    return urlById;
  }

  /** Per article: its jobs, its DONE jobs, its briefs. */
  private Map<String, int[]> jobsAndBriefs(Set<String> ids) throws SQLException {
    Map<String, int[]> counts = new HashMap<>();
    try (Connection summaries = suite.connect("summaries");
        PreparedStatement query =
            summaries.prepareStatement(
                "SELECT j.article_id::text, count(*), count(*) FILTER (WHERE j.state = 'DONE'),"
                    + " (SELECT count(*) FROM brief b WHERE b.article_id = j.article_id)"
                    + " FROM brief_job j WHERE j.article_id = ANY (?) GROUP BY j.article_id")) {
      query.setArray(1, uuids(summaries, ids));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), new int[] {rows.getInt(2), rows.getInt(3), rows.getInt(4)});
        }
      }
    }
    return counts;
  }

  private static Array uuids(Connection connection, Set<String> ids) throws SQLException {
    return connection.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
  }
}
