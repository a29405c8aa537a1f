package io.newsbrief.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load generator for loopback: {@code connections} clients each send their next
 * GET as soon as the previous answer is read, until a fixed number of requests is done. Anything
 * but 200 within the timeout is an error.
 */
final class LoadGenerator {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** What one run measured. Latencies in microseconds. */
  record Result(int requests, double seconds, int errors, long p50Micros, long p99Micros) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private LoadGenerator() {}

  /** Runs {@code warmUp} requests unmeasured, then {@code requests} measured ones. */
  static Result run(IntFunction<URI> target, int connections, int warmUp, int requests)
      throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .executor(Executors.newFixedThreadPool(2))
            .build();
    measure(client, target, connections, warmUp);
    return measure(client, target, connections, requests);
  }

  private static Result measure(
      HttpClient client, IntFunction<URI> target, int connections, int requests)
      throws InterruptedException {
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      workers.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
              HttpRequest request =
                  HttpRequest.newBuilder(target.apply(i)).timeout(TIMEOUT).build();
              long sent = System.nanoTime();
              try {
                int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                  errors.incrementAndGet();
                }
              } catch (Exception e) {
                errors.incrementAndGet();
              }
              latencies[i] = (System.nanoTime() - sent) / 1000;
            }
          });
    }
    workers.shutdown();
    if (!workers.awaitTermination(30, TimeUnit.MINUTES)) {
      throw new IllegalStateException("load did not finish in 30 minutes");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(latencies);
    return new Result(
        requests,
        seconds,
        errors.get(),
        latencies[(int) (requests * 0.50)],
        latencies[Math.min(requests - 1, (int) (requests * 0.99))]);
  }
}
