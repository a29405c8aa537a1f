package io.newsbrief.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

  @Test
  void countsEveryRequestAndEachAnswerOtherThan200AsAnError() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          int status = exchange.getRequestURI().getPath().equals("/ok") ? 200 : 500;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      LoadGenerator.Result result =
          LoadGenerator.run(i -> URI.create(base + (i % 4 == 0 ? "/fail" : "/ok")), 4, 8, 200);

      assertThat(result.requests()).isEqualTo(200);
      assertThat(result.errors()).isEqualTo(50);
      assertThat(result.p99Micros()).isGreaterThanOrEqualTo(result.p50Micros()).isPositive();
      assertThat(result.perSecond()).isPositive();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theReportMarksALoadRunAgainstItsBaseline() {
    BenchReport report = new BenchReport();
    LoadGenerator.Result baseline = new LoadGenerator.Result(1000, 1.0, 0, 1000, 5000);
    report.addLoad("baseline", baseline, baseline);
    report.addLoad("half", new LoadGenerator.Result(1000, 2.0, 0, 2000, 9000), baseline);
    report.addLoad("slow tail", new LoadGenerator.Result(1000, 1.0, 0, 2000, 30_000), baseline);

    assertThat(report.markdown())
        .contains("| baseline, 64 connections, 1000 requests | 1000 req/s (100% of baseline)")
        .contains(
            "500 req/s (50% of baseline), p50 2.0 ms, p99 9.0 ms, 0 errors | ≥ 50%, p99 < 20 ms, 0 errors | met |")
        .contains("p99 30.0 ms, 0 errors | ≥ 50%, p99 < 20 ms, 0 errors | not met |");
  }
}
