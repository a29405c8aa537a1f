package io.newsbrief.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A service of the suite as the launcher runs it: where its build is, its port (before the suite's
 * offset), its database (or null), and the name other services' gRPC clients use for it (or null).
 */
public record ServiceSpec(String name, int basePort, String database, String grpcClientName) {

  public static final ServiceSpec ARTICLES =
      new ServiceSpec("article-service", 8081, "articles", "articles");
  public static final ServiceSpec SUMMARIES =
      new ServiceSpec("summary-service", 8082, "summaries", "summaries");
  public static final ServiceSpec GATEWAY = new ServiceSpec("gateway", 8080, null, null);

  /** Not part of the suite: the bare REST endpoint the benchmark compares the gateway with. */
  public static final ServiceSpec HELLO_BASELINE =
      new ServiceSpec("hello-baseline", 8099, null, null);

  /** In start order: a service's dependencies first. */
  public static final List<ServiceSpec> SUITE = List.of(ARTICLES, SUMMARIES, GATEWAY);

  public Path jar(Path projectRoot) {
    return projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
  }

  /** The native executable ({@code ./mvnw package -Dnative}), or null when there is none. */
  public Path nativeExecutable(Path projectRoot) {
    Path target = projectRoot.resolve(name).resolve("target");
    if (!Files.isDirectory(target)) {
      return null;
    }
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith("-runner"))
          .filter(Files::isExecutable)
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What runs it: its native executable, or its jar on this JVM; system properties as -D. */
  public List<String> command(
      Path projectRoot, boolean nativeExecutable, Map<String, String> properties) {
    List<String> command = new ArrayList<>();
    command.add(
        nativeExecutable
            ? nativeExecutable(projectRoot).toString()
            : Path.of(System.getProperty("java.home"), "bin", "java").toString());
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    if (!nativeExecutable) {
      command.add("-jar");
      command.add(jar(projectRoot).toString());
    }
    return command;
  }

  /** Whether it is built in the form the suite runs. */
  public boolean isBuilt(Path projectRoot, boolean nativeExecutable) {
    return nativeExecutable
        ? nativeExecutable(projectRoot) != null
        : Files.isRegularFile(jar(projectRoot));
  }

  /** The suite's services have native builds; the benchmark's baseline is always a jar. */
  public boolean buildsNative() {
    return this != HELLO_BASELINE;
  }

  public boolean hasDatabase() {
    return database != null;
  }
}
