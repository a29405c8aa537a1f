package io.newsbrief.loadtest;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's figures, printed as one Markdown table. */
final class BenchReport {

  private record Row(
      String area, String measurement, String figure, String target, String verdict) {}

  private final List<Row> rows = new ArrayList<>();

  void add(String area, String measurement, String figure, String target, String verdict) {
    rows.add(new Row(area, measurement, figure, target, verdict));
    System.out.printf("bench: %s — %s: %s%n", area, measurement, figure);
  }

  /** A load run, with its throughput as a share of the baseline's and the latency targets. */
  void addLoad(String measurement, LoadGenerator.Result result, LoadGenerator.Result baseline) {
    double ratio = result.perSecond() / baseline.perSecond();
    boolean met = ratio >= 0.5 && result.p99Micros() < 20_000 && result.errors() == 0;
    add(
        "read path",
        measurement + ", 64 connections, " + result.requests() + " requests",
        String.format(
            "%.0f req/s (%.0f%% of baseline), p50 %.1f ms, p99 %.1f ms, %d errors",
            result.perSecond(),
            ratio * 100,
            result.p50Micros() / 1000.0,
            result.p99Micros() / 1000.0,
            result.errors()),
        result == baseline ? "baseline" : "≥ 50%, p99 < 20 ms, 0 errors",
        result == baseline ? "" : met ? "met" : "not met");
  }

  String markdown() {
    StringBuilder table =
        new StringBuilder("| area | measurement | figure | target | |\n|---|---|---|---|---|\n");
    for (Row row : rows) {
      table
          .append("| ")
          .append(
              String.join(
                  " | ", row.area(), row.measurement(), row.figure(), row.target(), row.verdict()))
          .append(" |\n");
    }
    return table.toString();
  }
}
