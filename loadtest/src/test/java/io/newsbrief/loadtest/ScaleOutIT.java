package io.newsbrief.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsbrief.launcher.LocalSuite;
import io.newsbrief.launcher.ServiceSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged suite scaled out as Kubernetes runs it, on loopback: three summary-service instances
 * behind one name (like a headless Service: the name resolves to 127.0.0.1, .2 and .3, each
 * instance on the same port) and two gateways. Checks that the gateway's gRPC client spreads calls
 * over all three instances (round_robin over every resolved address), that stopping one instance
 * (SIGTERM, as a scale-down or rollout does) fails no call, and that a gateway stopped under steady
 * load fails nothing for a client that retries an idempotent read once on the other gateway —
 * readiness goes DOWN first while the stopping gateway still answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT extends SuiteUnderTest {

  private static final String SUMMARY_NAME = "summary-service.newsbrief.test";
  private static final List<String> SUMMARY_ADDRESSES =
      List.of("127.0.0.1", "127.0.0.2", "127.0.0.3");
  private static final Pattern GET_BRIEF_CALLS =
      Pattern.compile(
          "(?m)^grpc_server_requests_received_messages_total\\{method=\"GetBrief\"[^}]*} ([0-9.E]+)$");

  private final Map<String, String> summaryUrls = new LinkedHashMap<>();
  private String gatewayUrl;
  private String secondGateway;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  ScaleOutIT() {
    super("scale-out", 6);
  }

  @Override
  void configure(LocalSuite suite) throws IOException {
    Files.createDirectories(settings.stateDir());
    // The JDK reads this file instead of the system resolver: one name, three addresses.
    Path hosts = settings.stateDir().resolve("hosts");
    StringBuilder lines = new StringBuilder("127.0.0.1 localhost\n");
    SUMMARY_ADDRESSES.forEach(ip -> lines.append(ip).append(' ').append(SUMMARY_NAME).append('\n'));
    Files.writeString(hosts, lines);
    suite.override(ServiceSpec.SUMMARIES, "QUARKUS_HTTP_HOST", SUMMARY_ADDRESSES.get(0));
    suite.systemProperty(ServiceSpec.GATEWAY, "jdk.net.hosts.file", hosts.toString());
    suite.override(ServiceSpec.GATEWAY, "QUARKUS_GRPC_CLIENTS_SUMMARIES_HOST", SUMMARY_NAME);
  }

  @Override
  void started() throws Exception {
    int summaryPort = settings.port(ServiceSpec.SUMMARIES);
    summaryUrls.put("summary-service", "http://127.0.0.1:" + summaryPort);
    for (int i = 2; i <= 3; i++) {
      String address = SUMMARY_ADDRESSES.get(i - 1);
      String url = "http://" + address + ":" + summaryPort;
      suite.startReplica(
          "summary-service-" + i, ServiceSpec.SUMMARIES, url, Map.of("QUARKUS_HTTP_HOST", address));
      summaryUrls.put("summary-service-" + i, url);
    }
    gatewayUrl = suite.baseUrl(ServiceSpec.GATEWAY);
    int secondPort = settings.port(ServiceSpec.GATEWAY) + 100;
    secondGateway = "http://localhost:" + secondPort;
    suite.startReplica(
        "gateway-2",
        ServiceSpec.GATEWAY,
        secondGateway,
        Map.of("QUARKUS_HTTP_PORT", Integer.toString(secondPort)));
  }

  @Test
  @Order(1)
  void callsAreSpreadOverEverySummaryServiceInstance() throws Exception {
    // An instance started after the gateway's channel is reached once the channel's reconnect
    // backoff retries it: wait (with a deadline) until every instance has been called.
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    Map<String, Long> before = getBriefCalls();
    while (true) {
      sendReads(gatewayUrl, 50);
      Map<String, Long> now = getBriefCalls();
      if (summaryUrls.keySet().stream().allMatch(name -> now.get(name) > before.get(name))) {
        break;
      }
      assertThat(System.nanoTime())
          .as("every instance called within 90 s: %s", now)
          .isLessThan(deadline);
    }

    Map<String, Long> start = getBriefCalls();
    int failed = sendReads(gatewayUrl, 600);
    Map<String, Long> end = getBriefCalls();
    long total = 0;
    Map<String, Long> share = new LinkedHashMap<>();
    for (String name : summaryUrls.keySet()) {
      long calls = end.get(name) - start.get(name);
      share.put(name, calls);
      total += calls;
    }
    System.out.println(
        "RELIABILITY GetBrief calls per summary-service instance, 600 reads: " + share);
    assertThat(failed).isZero();
    assertThat(total).isGreaterThanOrEqualTo(600);
    for (Map.Entry<String, Long> instance : share.entrySet()) {
      assertThat(instance.getValue())
          .as("%s's share of %d calls", instance.getKey(), total)
          .isGreaterThanOrEqualTo(total / 5);
    }
  }

  @Test
  @Order(2)
  void stoppingOneInstanceFailsNoCall() throws Exception {
    AtomicInteger failed = new AtomicInteger();
    AtomicLong sent = new AtomicLong();
    try (Clients clients =
        new Clients(
            4,
            Duration.ofSeconds(8),
            () -> {
              failed.addAndGet(sendReads(gatewayUrl, 1));
              sent.incrementAndGet();
            })) {
      Thread.sleep(1500);
      Map<String, Long> beforeStop = getBriefCalls();
      suite.stopReplica("summary-service-3");
      summaryUrls.remove("summary-service-3");
      clients.awaitEnd();
      Map<String, Long> after = getBriefCalls();
      System.out.printf(
          "RELIABILITY summary-service-3 stopped under load: %d reads, %d failed; calls after the"
              + " stop %s%n",
          sent.get(), failed.get(), delta(beforeStop, after));
      assertThat(failed.get()).isZero();
      summaryUrls
          .keySet()
          .forEach(
              name -> assertThat(after.get(name)).as(name).isGreaterThan(beforeStop.get(name)));
    }
  }

  @Test
  @Order(3)
  void aGatewayStoppedUnderLoadFailsNothingForAClientThatRetriesOnce() throws Exception {
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger retried = new AtomicInteger();
    AtomicInteger servedWhileStopping = new AtomicInteger();
    AtomicLong signalledAt = new AtomicLong(Long.MAX_VALUE);
    GatewayClient stopping = new GatewayClient(secondGateway, LocalSuite.LOCAL_API_KEY);
    GatewayClient staying = new GatewayClient(gatewayUrl, LocalSuite.LOCAL_API_KEY);
    Runnable readWithOneRetry =
        () -> {
          String path = someRead();
          GatewayClient.Answer first = stopping.get(path);
          if (first.isSuccess() || first.status() == 404) {
            if (System.nanoTime() > signalledAt.get()) {
              servedWhileStopping.incrementAndGet();
            }
            return;
          }
          retried.incrementAndGet();
          GatewayClient.Answer second = staying.get(path);
          if (!second.isSuccess() && second.status() != 404) {
            failed.incrementAndGet();
          }
        };
    try (Clients clients = new Clients(4, Duration.ofSeconds(10), readWithOneRetry)) {
      Thread.sleep(2000);
      signalledAt.set(System.nanoTime());
      Process stopped = suite.signalReplica("gateway-2");
      boolean sawNotReady = false;
      while (stopped.isAlive()) {
        int status = status(secondGateway + "/q/health/ready");
        sawNotReady |= status == 503;
        Thread.sleep(50);
      }
      clients.awaitEnd();
      System.out.printf(
          "RELIABILITY gateway-2 stopped (SIGTERM) under load: readiness DOWN seen %s, %d answered"
              + " after the signal, %d retried on the other gateway, %d failed, exit %d%n",
          sawNotReady, servedWhileStopping.get(), retried.get(), failed.get(), stopped.exitValue());
      assertThat(failed.get()).isZero();
      assertThat(sawNotReady).as("readiness DOWN while still running").isTrue();
      assertThat(servedWhileStopping.get()).as("answers during the shutdown delay").isPositive();
    }
  }

  /** {@code count} clients, each repeating {@code request} until {@code duration} has passed. */
  private static final class Clients implements AutoCloseable {
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();

    Clients(int count, Duration duration, Runnable request) {
      pool = Executors.newFixedThreadPool(count);
      long until = System.nanoTime() + duration.toNanos();
      for (int i = 0; i < count; i++) {
        running.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < until) {
                    request.run();
                  }
                }));
      }
    }

    void awaitEnd() throws Exception {
      for (Future<?> client : running) {
        client.get();
      }
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  /** A brief read: a feed page or a brief that does not exist (both idempotent reads). */
  private String someRead() {
    return Math.random() < 0.5
        ? "/api/v1/briefs?limit=5"
        : "/api/v1/articles/" + UUID.randomUUID() + "/brief";
  }

  /** Reads of unknown briefs (each one call to summary-service); returns how many failed. */
  private int sendReads(String baseUrl, int count) {
    GatewayClient client = new GatewayClient(baseUrl, LocalSuite.LOCAL_API_KEY);
    int failed = 0;
    for (int i = 0; i < count; i++) {
      GatewayClient.Answer answer = client.get("/api/v1/articles/" + UUID.randomUUID() + "/brief");
      if (answer.status() != 404) {
        failed++;
        System.out.println("RELIABILITY failed read: " + answer.status() + " " + answer.body());
      }
    }
    return failed;
  }

  private Map<String, Long> getBriefCalls() throws IOException, InterruptedException {
    Map<String, Long> calls = new LinkedHashMap<>();
    for (Map.Entry<String, String> instance : summaryUrls.entrySet()) {
      String metrics =
          http.send(
                  HttpRequest.newBuilder(URI.create(instance.getValue() + "/q/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher value = GET_BRIEF_CALLS.matcher(metrics);
      calls.put(instance.getKey(), value.find() ? (long) Double.parseDouble(value.group(1)) : 0L);
    }
    return calls;
  }

  private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new LinkedHashMap<>();
    after.forEach((name, value) -> delta.put(name, value - before.getOrDefault(name, 0L)));
    return delta;
  }

  private int status(String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
