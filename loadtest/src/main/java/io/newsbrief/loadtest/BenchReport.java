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
