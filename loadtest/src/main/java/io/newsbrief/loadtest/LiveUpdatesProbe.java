package io.newsbrief.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live updates under many subscribers: {@code subscribers} clients follow {@code
 * /api/v1/briefs/events}, briefs are withdrawn one at a time, and each change's latency is the time
 * from the withdrawal request to each subscriber's event naming it.
 */
final class LiveUpdatesProbe {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final String gateway;
  private final String apiKey;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, ConcurrentLinkedQueue<Long>> arrivals = new ConcurrentHashMap<>();
  private final AtomicInteger connected = new AtomicInteger();

  LiveUpdatesProbe(String gateway, String apiKey) {
    this.gateway = gateway;
    this.apiKey = apiKey;
  }

  void measure(int subscribers, List<String> briefIds, BenchReport report) throws Exception {
    List<CompletableFuture<?>> streams = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      streams.add(
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(gateway + "/api/v1/briefs/events")).build(),
              HttpResponse.BodyHandlers.fromLineSubscriber(new Lines())));
    }
    try {
      await(() -> connected.get() >= subscribers, "all subscribers connected");
      List<Long> latencies = new ArrayList<>();
      for (String id : briefIds) {
        boolean warmUp = id.equals(briefIds.get(0)); // the first change warms a cold path up
        arrivals.put(id, new ConcurrentLinkedQueue<>());
        long sent = System.nanoTime();
        HttpResponse<Void> withdrawn =
            http.send(
                HttpRequest.newBuilder(URI.create(gateway + "/api/v1/articles/" + id + "/brief"))
                    .header("X-API-Key", apiKey)
                    .DELETE()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (withdrawn.statusCode() != 204) {
          throw new IllegalStateException("withdrawing " + id + ": " + withdrawn.statusCode());
        }
        long answered = System.nanoTime();
        await(() -> arrivals.get(id).size() >= subscribers, "every subscriber told of " + id);
        long last = arrivals.get(id).stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf(
            "bench: live update of %s: withdrawal answered in %.1f ms, last subscriber told at"
                + " %.1f ms%n",
            id, (answered - sent) / 1e6, (last - sent) / 1e6);
        if (!warmUp) {
          arrivals.get(id).forEach(at -> latencies.add((at - sent) / 1000));
        }
      }
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      double p50 = sorted[sorted.length / 2] / 1000.0;
      double p99 = sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1000.0;
      double max = sorted[sorted.length - 1] / 1000.0;
      report.add(
          "live updates",
          String.format(
              "SSE, %d subscribers, %d briefs withdrawn (after one to warm up): withdrawal sent →"
                  + " every subscriber told",
              subscribers, briefIds.size() - 1),
          String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", p50, p99, max),
          "p99 < 100 ms",
          p99 < 100 ? "met" : "not met");
    } finally {
      streams.forEach(stream -> stream.cancel(true));
    }
  }

  private static void await(java.util.function.BooleanSupplier done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not within " + DEADLINE + ": " + what);
      }
      Thread.sleep(5);
    }
  }

  /** One subscriber: counts its first event, and stamps each article id its events name. */
  private final class Lines implements Flow.Subscriber<String> {
    private boolean first = true;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (!line.startsWith("data:")) {
        return;
      }
      long now = System.nanoTime();
      if (first) {
        first = false;
        connected.incrementAndGet();
      }
      arrivals.forEach(
          (id, times) -> {
            if (line.contains(id)) {
              times.add(now);
            }
          });
    }

    @Override
    public void onError(Throwable failure) {}

    @Override
    public void onComplete() {}
  }
}
