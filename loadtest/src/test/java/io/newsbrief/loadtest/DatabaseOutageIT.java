package io.newsbrief.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonParser;
import io.newsbrief.launcher.LocalSuite;
import io.newsbrief.launcher.ServiceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The shared PostgreSQL stops for about ten seconds under mixed traffic through the gateway.
 * Readiness of both database services goes DOWN, the gateway answers every request within its
 * deadline with a 2xx (from its last good answers) or a 503 problem+json, never a 500; when the
 * database returns, everything recovers without a restart and nothing accepted is lost.
 */
class DatabaseOutageIT extends SuiteUnderTest {

  private static final Duration OUTAGE = Duration.ofSeconds(10);
  private static final int SEEDED = 20;
  private static final int CLIENTS = 4;

  /**
   * The gateway gives each downstream call 3 s and tries an unreachable service twice: an answer
   * may take two deadlines and the gateway's own work, never longer.
   */
  private static final Duration LONGEST_ANSWER = Duration.ofSeconds(7);

  private final List<String> seededIds = new ArrayList<>();

  private record Observation(String phase, String kind, GatewayClient.Answer answer) {}

  DatabaseOutageIT() {
    super("db-outage", 2);
  }

  @Override
  void configure(LocalSuite suite) {
    suite.liftWriteLimits();
  }

  @Override
  void started() throws Exception {
    for (int n = 0; n < SEEDED; n++) {
      seededIds.add(gateway.submitUntilAccepted("seed", n, Duration.ofSeconds(10)).id());
    }
    for (String id : seededIds) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> gateway.get("/api/v1/articles/" + id + "/brief").status() == 200);
    }
  }

  @Test
  void anOutageIsA503AndReadinessDownThenEverythingRecoversWithoutRestarts() throws Exception {
    Map<ServiceSpec, Long> pids = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
    ServiceSpec.SUITE.forEach(service -> pids.put(service, suite.pid(service)));
    AtomicReference<String> phase = new AtomicReference<>("1 before");
    Queue<Observation> observations = new ConcurrentLinkedQueue<>();
    Queue<String> acceptedIds = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger written = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.execute(
          () -> {
            for (int i = 0; running.get(); i++) {
              String kind = List.of("feed", "brief", "search", "write").get((client + i) % 4);
              GatewayClient.Answer answer =
                  switch (kind) {
                    case "feed" -> gateway.get("/api/v1/briefs?limit=10");
                    case "brief" ->
                        gateway.get("/api/v1/articles/" + seededIds.get(i % SEEDED) + "/brief");
                    case "search" -> gateway.get("/api/v1/articles?q=plan&limit=5");
                    default ->
                        gateway.post(
                            "/api/v1/articles",
                            GeneratedArticles.json("outage", written.getAndIncrement()));
                  };
              if (kind.equals("write") && answer.isSuccess()) {
                acceptedIds.add(idOf(answer));
              }
              observations.add(new Observation(phase.get(), kind, answer));
            }
          });
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> observations.size() >= 40);
    phase.set("2 outage");
    long stopped = System.nanoTime();
    suite.stopDatabase();
    for (ServiceSpec service : List.of(ServiceSpec.ARTICLES, ServiceSpec.SUMMARIES)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> readiness(service) == 503);
    }
    double readinessDownAfter = secondsSince(stopped);
    // The fault itself: the database stays away for OUTAGE in all.
    TimeUnit.NANOSECONDS.sleep(Math.max(0, OUTAGE.toNanos() - (System.nanoTime() - stopped)));
    suite.startDatabase();
    long restarted = System.nanoTime();
    phase.set("3 recovering");
    for (ServiceSpec service : ServiceSpec.SUITE) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> readiness(service) == 200);
    }
    double readyAgainAfter = secondsSince(restarted);
    // The gateway's circuit breakers (5 s) hold writes back a little longer than readiness.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                observations.stream()
                    .anyMatch(
                        o ->
                            o.phase().equals("3 recovering")
                                && o.kind().equals("write")
                                && o.answer().isSuccess()));
    double writesAgainAfter = secondsSince(restarted);
    phase.set("4 after");
    int seenBeforeAfter = observations.size();
    await().atMost(Duration.ofSeconds(30)).until(() -> observations.size() >= seenBeforeAfter + 40);
    running.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    // No restarts: the same processes.
    ServiceSpec.SUITE.forEach(
        service -> assertThat(suite.pid(service)).isEqualTo(pids.get(service)));
    // Every answer: in time, 2xx or a 503 problem, never a 500 or a hang.
    for (Observation o : observations) {
      GatewayClient.Answer answer = o.answer();
      assertThat(answer.status())
          .as("%s %s: %s", o.phase(), o.kind(), answer.body())
          .isIn(200, 201, 503);
      assertThat(answer.took()).as("%s %s", o.phase(), o.kind()).isLessThan(LONGEST_ANSWER);
      if (answer.status() == 503) {
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":503").doesNotContain("Exception");
      }
    }
    // The outage was seen by the writes, and everything works after it.
    assertThat(observations)
        .anyMatch(o -> o.phase().equals("2 outage") && o.answer().status() == 503);
    assertThat(observations)
        .filteredOn(o -> o.phase().equals("4 after"))
        .allMatch(o -> o.answer().isSuccess());
    // Nothing accepted is lost: each accepted write gets its brief.
    for (String id : acceptedIds) {
      try {
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> gateway.get("/api/v1/articles/" + id + "/brief").status() == 200);
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("no brief for " + id + ": " + pipeline(id), e);
      }
    }

    System.out.printf(
        "RELIABILITY database stopped %d s under traffic (%d clients): readiness DOWN on both"
            + " database services after %.1f s, all three ready %.1f s after the restart, writes"
            + " accepted again after %.1f s, no process restarted; answers by phase and status: %s; slowest answer %d ms;"
            + " accepted writes %d, all briefed%n",
        OUTAGE.toSeconds(),
        CLIENTS,
        readinessDownAfter,
        readyAgainAfter,
        writesAgainAfter,
        observations.stream()
            .collect(
                Collectors.groupingBy(
                    o -> o.phase() + " " + o.kind() + " " + o.answer().status(),
                    TreeMap::new,
                    Collectors.counting())),
        observations.stream().mapToLong(o -> o.answer().took().toMillis()).max().orElse(0),
        acceptedIds.size());
  }

  private String pipeline(String id) throws java.sql.SQLException {
    StringBuilder state = new StringBuilder();
    for (String[] query :
        List.of(
            new String[] {"articles", "SELECT * FROM brief_request WHERE article_id = ?::uuid"},
            new String[] {"summaries", "SELECT * FROM brief_job WHERE article_id = ?::uuid"})) {
      try (var connection = suite.connect(query[0]);
          var statement = connection.prepareStatement(query[1])) {
        statement.setString(1, id);
        try (var rows = statement.executeQuery()) {
          while (rows.next()) {
            for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
              state
                  .append(rows.getMetaData().getColumnName(c))
                  .append('=')
                  .append(rows.getString(c))
                  .append(' ');
            }
            state.append("| ");
          }
        }
      }
    }
    return state.toString();
  }

  private int readiness(ServiceSpec service) {
    return new GatewayClient(suite.baseUrl(service), null).get("/q/health/ready").status();
  }

  private static String idOf(GatewayClient.Answer answer) {
    return JsonParser.parseString(answer.body()).getAsJsonObject().get("id").getAsString();
  }

  private static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }
}
