package io.newsbrief.loadtest;

import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's read path measured as a phone uses it: gzip asked for, {@code If-None-Match} on
 * repeats, against {@code /q/health/live} of the same gateway. Rounds interleave the endpoints (so
 * a noisy moment hits all of them alike) and each figure is the median over the rounds.
 */
final class PhoneReadPath {

  static final int CONNECTIONS = 64;
  private static final String GZIP = "Accept-Encoding: gzip";

  /** One endpoint: how it is called, what answer it expects, and its target ratio. */
  private record Probe(String name, String path, List<String> headers, int status, double target) {}

  private final Hey hey;
  private final String gateway;
  private final Duration each;
  private final int rounds;
  private final HttpClient http = HttpClient.newHttpClient();

  PhoneReadPath(Hey hey, String gateway, Duration each, int rounds) {
    this.hey = hey;
    this.gateway = gateway;
    this.each = each;
    this.rounds = rounds;
  }

  void measure(String briefId, BenchReport report) throws Exception {
    String feed = "/api/v1/briefs?limit=20";
    HttpResponse<String> feedPage = get(feed);
    String feedTag = feedPage.headers().firstValue("ETag").orElseThrow();
    String syncToken =
        JsonParser.parseString(feedPage.body()).getAsJsonObject().get("syncToken").getAsString();
    String delta = "/api/v1/briefs?changedSince=" + syncToken;
    String deltaTag = get(delta).headers().firstValue("ETag").orElseThrow();
    List<Probe> probes =
        List.of(
            new Probe("GET /q/health/live (baseline)", "/q/health/live", List.of(), 200, 0),
            new Probe(
                "GET /api/v1/articles/{id}/brief, gzip",
                "/api/v1/articles/" + briefId + "/brief",
                List.of(GZIP),
                200,
                0.6),
            new Probe("GET " + feed + " (cards), gzip", feed, List.of(GZIP), 200, 0.6),
            new Probe(
                "GET " + feed + ", If-None-Match (unchanged)",
                feed,
                List.of(GZIP, "If-None-Match: " + feedTag),
                304,
                0.6),
            new Probe(
                "GET /api/v1/briefs?changedSince= (nothing changed), gzip",
                delta,
                List.of(GZIP),
                200,
                0.5),
            new Probe(
                "same delta, If-None-Match",
                delta,
                List.of(GZIP, "If-None-Match: " + deltaTag),
                304,
                0.5));
    Map<Probe, List<Hey.Result>> results = new LinkedHashMap<>();
    probes.forEach(probe -> results.put(probe, new ArrayList<>()));
    for (Probe probe : probes) { // the JIT warms up on every path first
      hey.run(gateway + probe.path(), probe.headers(), Duration.ofSeconds(3), CONNECTIONS);
    }
    for (int round = 0; round < rounds; round++) {
      for (Probe probe : probes) {
        results.get(probe).add(hey.run(gateway + probe.path(), probe.headers(), each, CONNECTIONS));
      }
    }
    List<Hey.Result> baseline = results.get(probes.get(0));
    for (Probe probe : probes) {
      List<Hey.Result> runs = results.get(probe);
      double[] ratios = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        ratios[round] = runs.get(round).perSecond() / baseline.get(round).perSecond();
      }
      double ratio = median(ratios);
      double perSecond = median(runs.stream().mapToDouble(Hey.Result::perSecond).toArray());
      double p99 = median(runs.stream().mapToDouble(Hey.Result::p99Millis).toArray());
      long failures = runs.stream().mapToLong(run -> run.failures(probe.status())).sum();
      boolean isBaseline = probe.target() == 0;
      report.add(
          "read path",
          probe.name() + ", " + CONNECTIONS + " connections",
          String.format(
              "%.0f req/s, ratio %.2f, p99 %.1f ms, %d not %d",
              perSecond, ratio, p99, failures, probe.status()),
          isBaseline ? "baseline" : String.format("ratio ≥ %.1f, p99 < 20 ms", probe.target()),
          isBaseline
              ? ""
              : ratio >= probe.target() && p99 < 20 && failures == 0 ? "met" : "not met");
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(gateway + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
    return response;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
