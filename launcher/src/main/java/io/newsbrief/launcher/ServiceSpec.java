package io.newsbrief.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * A service of the suite as the launcher runs it: where its jar is, its port (before the suite's
 * offset), its database (or null), and the name other services' gRPC clients use for it (or null).
 */
record ServiceSpec(String name, int basePort, String database, String grpcClientName) {

  static final ServiceSpec ARTICLES =
      new ServiceSpec("article-service", 8081, "articles", "articles");
  static final ServiceSpec SUMMARIES =
      new ServiceSpec("summary-service", 8082, "summaries", "summaries");
  static final ServiceSpec GATEWAY = new ServiceSpec("gateway", 8080, null, null);

  /** Not part of the suite: the bare REST endpoint the benchmark compares the gateway with. */
  static final ServiceSpec BENCH_BASELINE = new ServiceSpec("bench", 8099, null, null);

  /** In start order: a service's dependencies first. */
  static final List<ServiceSpec> SUITE = List.of(ARTICLES, SUMMARIES, GATEWAY);

  Path jar(Path projectRoot) {
    return projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
  }

  boolean hasDatabase() {
    return database != null;
  }
}
