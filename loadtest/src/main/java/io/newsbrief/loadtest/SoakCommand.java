package io.newsbrief.loadtest;

import com.google.gson.JsonParser;
import io.newsbrief.launcher.LocalSuite;
import io.newsbrief.launcher.ServiceSpec;
import io.newsbrief.launcher.SuiteSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code soak}: a steady, open-loop mix of reads and writes through the gateway for a fixed time
 * (default 5 minutes at 40 requests/s), then a verdict: no failed request, heap after a full GC
 * grown by at most {@link #HEAP_GROWTH_BOUND_MB} per service, database connections never above the
 * pools' sizes, and no pool connection still checked out once the load is over (a leak would be).
 */
final class SoakCommand {

  static final long HEAP_GROWTH_BOUND_MB = 64;

  /** Two pools of 16 (quarkus.datasource.jdbc.max-size) and summary-service's LISTEN connection. */
  static final int CONNECTION_BOUND = 16 + 16 + 1;

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
  private static final Duration REST_WAIT = Duration.ofSeconds(5);
  private static final List<ServiceSpec> DATABASE_SERVICES =
      List.of(ServiceSpec.ARTICLES, ServiceSpec.SUMMARIES);
  private static final int SEEDED = 20;
  private static final String[] SEARCHES = {"plan", "harbour", "council", "tram", "bridge"};

  /** What a run measured and whether it holds. Latencies in milliseconds. */
  record Verdict(
      Duration duration,
      int perSecond,
      long requests,
      Map<String, Long> failures,
      long p50Millis,
      long p99Millis,
      String memoryMeasure,
      Map<String, long[]> heapAfterGcMb,
      int connectionsAtStart,
      int connectionsMax,
      int connectionsAtEnd,
      Map<String, int[]> checkedOutAtRest,
      long writes,
      long writesBriefed) {

    long failed() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What does not hold, empty when the run passed. */
    List<String> problems() {
      List<String> problems = new ArrayList<>();
      if (failed() > 0) {
        problems.add(failed() + " failed requests: " + failures);
      }
      heapAfterGcMb.forEach(
          (service, mb) -> {
            if (mb[1] - mb[0] > HEAP_GROWTH_BOUND_MB) {
              problems.add(service + " " + memoryMeasure + " grew " + (mb[1] - mb[0]) + " MB");
            }
          });
      if (connectionsMax > CONNECTION_BOUND) {
        problems.add(connectionsMax + " database connections (bound " + CONNECTION_BOUND + ")");
      }
      checkedOutAtRest.forEach(
          (service, count) -> {
            if (count[1] > count[0]) {
              problems.add(
                  service
                      + " kept "
                      + (count[1] - count[0])
                      + " more pool connections checked out after the load");
            }
          });
      if (writesBriefed < writes) {
        problems.add((writes - writesBriefed) + " written articles without a brief");
      }
      return problems;
    }

    String markdown() {
      StringBuilder table = new StringBuilder();
      table.append("| measure | value |\n|---|---|\n");
      row(table, "load", perSecond + " requests/s for " + duration.toSeconds() + " s, open loop");
      row(table, "requests", requests + " (" + writes + " writes)");
      row(table, "failed", failed() + (failures.isEmpty() ? "" : " " + failures));
      row(table, "latency p50 / p99", p50Millis + " / " + p99Millis + " ms");
      heapAfterGcMb.forEach(
          (service, mb) ->
              row(
                  table,
                  service + " " + memoryMeasure,
                  mb[0] + " → " + mb[1] + " MB (bound +" + HEAP_GROWTH_BOUND_MB + ")"));
      row(
          table,
          "DB connections start / max / end",
          connectionsAtStart
              + " / "
              + connectionsMax
              + " / "
              + connectionsAtEnd
              + " (bound "
              + CONNECTION_BOUND
              + ")");
      checkedOutAtRest.forEach(
          (service, count) ->
              row(
                  table,
                  service + " pool connections checked out at rest",
                  count[0] + " before → " + count[1] + " after"));
      row(table, "written articles briefed", writesBriefed + " of " + writes);
      row(table, "verdict", problems().isEmpty() ? "pass" : "FAIL: " + problems());
      return table.toString();
    }

    private static void row(StringBuilder table, String measure, String value) {
      table.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    }
  }

  private final LocalSuite suite;
  private final String gateway;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(TIMEOUT)
          .executor(Executors.newFixedThreadPool(4))
          .build();
  private final List<String> briefedIds = Collections.synchronizedList(new ArrayList<>());

  SoakCommand(LocalSuite suite) {
    this.suite = suite;
    this.gateway = suite.baseUrl(ServiceSpec.GATEWAY);
  }

  static int run(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    double minutes = number(options, "--minutes", 5);
    int perSecond = (int) number(options, "--rate", 40);
    Path root = Path.of("").toAbsolutePath();
    SuiteSettings settings =
        new SuiteSettings(root, root.resolve("launcher/target/soak"), 15732, 22000);
    try (LocalSuite suite = new LocalSuite(settings)) {
      suite.liftWriteLimits();
      suite.start(true);
      Verdict verdict =
          new SoakCommand(suite).soak(Duration.ofSeconds((long) (minutes * 60)), perSecond);
      System.out.println();
      System.out.println(verdict.markdown());
      return verdict.problems().isEmpty() ? 0 : 1;
    } catch (LocalSuite.LaunchException e) {
      System.err.println("newsbrief: " + e.getMessage());
      return 1;
    }
  }

  /** Seeds briefs, warms up, then measures {@code duration} at {@code perSecond}. */
  Verdict soak(Duration duration, int perSecond) throws Exception {
    for (int n = 0; n < SEEDED; n++) {
      HttpResponse<String> created = send(write("soak-seed", n)).join();
      briefedIds.add(idOf(created.body()));
    }
    awaitBriefs(List.copyOf(briefedIds), Duration.ofSeconds(60));
    Duration warmUp = Duration.ofSeconds(Math.min(30, Math.max(5, duration.toSeconds() / 5)));
    load("soak-warm-up", warmUp, perSecond, new Run());

    Map<String, long[]> heap = new LinkedHashMap<>();
    for (ServiceSpec service : ServiceSpec.SUITE) {
      heap.put(service.name(), new long[] {heapAfterGcMb(service), 0});
    }
    Map<String, int[]> checkedOut = new LinkedHashMap<>();
    for (ServiceSpec service : DATABASE_SERVICES) {
      checkedOut.put(service.name(), new int[] {checkedOutAtRest(service, 0), 0});
    }
    int connectionsAtStart = connections();
    Run run = new Run();
    load("soak", duration, perSecond, run);
    List<String> written = List.copyOf(run.writtenIds);
    long briefed = awaitBriefs(written, Duration.ofSeconds(120));
    for (ServiceSpec service : ServiceSpec.SUITE) {
      heap.get(service.name())[1] = heapAfterGcMb(service);
    }
    for (ServiceSpec service : DATABASE_SERVICES) {
      int[] count = checkedOut.get(service.name());
      count[1] = checkedOutAtRest(service, count[0]);
    }
    long[] latencies = run.latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Verdict(
        duration,
        perSecond,
        run.requests.get(),
        Map.copyOf(run.failures),
        percentile(latencies, 0.50) / 1000,
        percentile(latencies, 0.99) / 1000,
        suite.runsNativeExecutables() ? "resident memory (native)" : "heap after full GC",
        heap,
        connectionsAtStart,
        run.connectionSamples.stream().max(Integer::compare).orElse(0),
        connections(),
        checkedOut,
        written.size(),
        briefed);
  }

  /** One measured run's tallies. */
  private static final class Run {
    final AtomicLong requests = new AtomicLong();
    final Map<String, Long> failures = new ConcurrentHashMap<>();
    final Queue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    final Queue<String> writtenIds = new ConcurrentLinkedQueue<>();
    final List<Integer> connectionSamples = Collections.synchronizedList(new ArrayList<>());
  }

  /**
   * Sends one request every 1/perSecond s whatever the answers take (open loop), and samples the
   * database connections meanwhile; returns when every answer is in.
   */
  private void load(String runName, Duration duration, int perSecond, Run run) throws Exception {
    Random random = new Random(runName.hashCode());
    List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long start = System.nanoTime();
    long nextSample = start;
    for (long i = 0; System.nanoTime() - start < duration.toNanos(); i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait); // pacing the load generator itself
      }
      if (System.nanoTime() >= nextSample) {
        run.connectionSamples.add(connections());
        nextSample += SAMPLE_EVERY.toNanos();
      }
      inFlight.add(request(runName, (int) i, random, run));
      inFlight.removeIf(CompletableFuture::isDone);
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
  }

  /**
   * 40 % brief screens, 20 % feed pages, 10 % searches, 10 % articles, 5 % web pages, 15 % writes.
   */
  private CompletableFuture<Void> request(String runName, int i, Random random, Run run) {
    String known = briefedIds.get(random.nextInt(briefedIds.size()));
    int slot = i % 20;
    String kind;
    HttpRequest request;
    if (slot < 8) {
      kind = "brief";
      request = get("/api/v1/articles/" + known + "/brief");
    } else if (slot < 12) {
      kind = "feed";
      request = get("/api/v1/briefs?limit=20");
    } else if (slot < 14) {
      kind = "search";
      request = get("/api/v1/articles?limit=10&q=" + SEARCHES[random.nextInt(SEARCHES.length)]);
    } else if (slot < 16) {
      kind = "article";
      request = get("/api/v1/articles/" + known);
    } else if (slot < 17) {
      kind = "web";
      request = get("/briefs/" + known);
    } else {
      kind = "write";
      request = write(runName, i);
    }
    long sent = System.nanoTime();
    run.requests.incrementAndGet();
    return send(request)
        .handle(
            (response, failure) -> {
              run.latenciesMicros.add((System.nanoTime() - sent) / 1000);
              if (failure != null) {
                run.failures.merge(kind + " " + failure.getClass().getSimpleName(), 1L, Long::sum);
              } else if (response.statusCode() / 100 != 2) {
                run.failures.merge(kind + " " + response.statusCode(), 1L, Long::sum);
              } else if (kind.equals("write")) {
                run.writtenIds.add(idOf(response.body()));
              }
              return null;
            });
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(TIMEOUT).build();
  }

  private HttpRequest write(String runName, int n) {
    return HttpRequest.newBuilder(URI.create(gateway + "/api/v1/articles"))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("X-API-Key", LocalSuite.LOCAL_API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(GeneratedArticles.json(runName, n)))
        .build();
  }

  private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until each article's brief is served (or the deadline); returns how many are. */
  private long awaitBriefs(List<String> ids, Duration deadline) throws InterruptedException {
    long giveUpAt = System.nanoTime() + deadline.toNanos();
    List<String> waiting = new ArrayList<>(ids);
    while (!waiting.isEmpty() && System.nanoTime() < giveUpAt) {
      waiting.removeIf(
          id -> send(get("/api/v1/articles/" + id + "/brief")).join().statusCode() == 200);
      if (!waiting.isEmpty()) {
        TimeUnit.MILLISECONDS.sleep(500); // polling the queue's progress
      }
    }
    return ids.size() - waiting.size();
  }

  /**
   * Heap in use right after a full GC (jcmd GC.run), from the service's own metrics; a native
   * executable has no jcmd, so its resident memory instead.
   */
  private long heapAfterGcMb(ServiceSpec service) throws Exception {
    if (suite.runsNativeExecutables()) {
      return suite.residentKib(service) / 1024;
    }
    Process gc =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(suite.pid(service)),
                "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
      throw new IllegalStateException("jcmd GC.run failed for " + service.name());
    }
    double bytes = metricSum(service, "jvm_memory_used_bytes{area=\"heap\"");
    return Math.round(bytes / (1024 * 1024));
  }

  /**
   * The fewest connections {@code service}'s pool had checked out (its {@code agroal_active_count})
   * over a few seconds of polling, stopping early at {@code enough}: at rest only what the service
   * holds by design (summary-service's LISTEN connection) stays out, and a leaked one never
   * returns.
   */
  private int checkedOutAtRest(ServiceSpec service, int enough) throws InterruptedException {
    long giveUpAt = System.nanoTime() + REST_WAIT.toNanos();
    int fewest = Integer.MAX_VALUE;
    while (fewest > enough && System.nanoTime() < giveUpAt) {
      int active = (int) metricSum(service, "agroal_active_count{");
      fewest = Math.min(fewest, active);
      if (fewest > enough) {
        TimeUnit.MILLISECONDS.sleep(100); // polling the pool's gauge
      }
    }
    return fewest;
  }

  /** The sum of {@code service}'s Prometheus samples whose line starts with {@code prefix}. */
  private double metricSum(ServiceSpec service, String prefix) {
    return send(HttpRequest.newBuilder(URI.create(suite.baseUrl(service) + "/q/metrics")).build())
        .join()
        .body()
        .lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** Connections to the services' databases (the launcher's own go to "postgres"). */
  private int connections() throws SQLException {
    try (Connection connection = suite.connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet count =
            statement.executeQuery(
                "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname IN ('articles', 'summaries')")) {
      count.next();
      return count.getInt(1);
    }
  }

  private static String idOf(String body) {
    return JsonParser.parseString(body).getAsJsonObject().get("id").getAsString();
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)];
  }

  private static double number(List<String> options, String name, double fallback) {
    int at = options.indexOf(name);
    return at >= 0 && at + 1 < options.size() ? Double.parseDouble(options.get(at + 1)) : fallback;
  }
}
