package io.newsbrief.launcher;

import java.nio.file.Path;

/**
 * A service of the suite as the launcher runs it: where its jar is, its port, its database (or
 * null), and the name other services' gRPC clients use for it (or null).
 */
record ServiceSpec(String name, int port, String database, String grpcClientName) {

  static final java.util.List<ServiceSpec> SUITE =
      java.util.List.of(
          new ServiceSpec("article-service", 8081, "articles", "articles"),
          new ServiceSpec("summary-service", 8082, "summaries", "summaries"),
          new ServiceSpec("gateway", 8080, null, null));

  Path jar(Path projectRoot) {
    return projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
  }

  boolean hasDatabase() {
    return database != null;
  }
}
